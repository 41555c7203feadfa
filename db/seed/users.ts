import { inArray, sql } from "drizzle-orm";
import { type Role, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import type { SeedStep } from "./context";

export const DEMO_PASSWORD = "demo-password-2019";
export const DEMO_ADMIN_EMAIL = "admin@demo.example";

export const DEMO_USERS = [
  { key: "admin", email: DEMO_ADMIN_EMAIL, name: "Alva Admin", role: "admin" },
  { key: "reviewer", email: "reviewer@demo.example", name: "Anna Lind", role: "reviewer" },
  { key: "reviewer2", email: "reviewer2@demo.example", name: "Erik Berg", role: "reviewer" },
  { key: "pm", email: "pm@demo.example", name: "Petra Holm", role: "product_manager" },
  { key: "leadership", email: "leadership@demo.example", name: "Lars Ek", role: "leadership" },
] as const satisfies readonly { key: string; email: string; name: string; role: Role }[];

export type DemoUserKey = (typeof DEMO_USERS)[number]["key"];

/** The five demo accounts, one per role (two reviewers), all signing in with the demo password. */
export const usersStep: SeedStep = {
  name: "users",
  async run(ctx) {
    // Each account gets its own salt; hashing in parallel keeps argon2's cost to one round.
    const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
    const inserted = await ctx.tx
      .insert(users)
      .values(DEMO_USERS.map((u, i) => ({ email: u.email, name: u.name, role: u.role, passwordHash: hashes[i] })))
      .onConflictDoNothing()
      .returning({ id: users.id });
    const rows = await ctx.tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(
        inArray(
          sql`lower(${users.email})`,
          DEMO_USERS.map((u) => u.email),
        ),
      );
    const idOf = (email: string) => {
      const row = rows.find((r) => r.email.toLowerCase() === email);
      if (!row) throw new Error(`Demo user ${email} is missing after insert`);
      return row.id;
    };
    ctx.users = Object.fromEntries(DEMO_USERS.map((u) => [u.key, idOf(u.email)])) as Record<DemoUserKey, string>;
    ctx.summary.users = inserted.length;
    ctx.log(`users: ${inserted.length} demo accounts (password ${DEMO_PASSWORD})`);
  },
};
