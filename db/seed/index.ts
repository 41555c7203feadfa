// Minimal demo data (users and markets) until the full demo seed lands.
import type { Db } from "@/db";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { markets } from "@/db/schema";
export async function seedDemoData(db: Db, _o?: { log?: (m: string) => void }) {
  const existing = await db.select().from(users);
  if (existing.length) return { seeded: false, summary: {} };
  const h = await hashPassword("demo-password-2019");
  await db.insert(markets).values([{ code: "SE", name: "Sweden" }, { code: "NO", name: "Norway" }]);
  await db.insert(users).values([
    { email: "admin@demo.example", name: "Alva Admin", role: "admin", passwordHash: h },
    { email: "reviewer@demo.example", name: "Anna Lind", role: "reviewer", passwordHash: h },
    { email: "pm@demo.example", name: "Petra Holm", role: "product_manager", passwordHash: h },
    { email: "leadership@demo.example", name: "Lars Ek", role: "leadership", passwordHash: h },
  ]);
  return { seeded: true, summary: { users: 4 } };
}
