import { eq, sql } from "drizzle-orm";
import { users } from "@/db/schema";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { runMutation } from "@/lib/auth/mutation";
import { AppError } from "@/lib/errors";
import { createUser, issueToken } from "@/lib/users/service";
import { createTokenSchema, createUserSchema } from "@/lib/users/validations";
import { failure } from "../failure";
import type { CliCommand } from "../types";

export const commands: CliCommand[] = [
  {
    name: "user create",
    usage: "user create --email E --name N --role R [--password P]",
    description: "Create a user (roles: admin, reviewer, product_manager, leadership)",
    options: {
      email: { type: "string", description: "E-mail address (sign-in name)" },
      name: { type: "string", description: "Display name" },
      role: { type: "string", description: "admin | reviewer | product_manager | leadership" },
      password: { type: "string", description: "Password (omit for single sign-on only)" },
    },
    async run({ options }, { out }) {
      const result = await runMutation(
        CLI_ACTOR,
        { permission: "admin:manage", schema: createUserSchema },
        options,
        ({ tx, actor, input }) => createUser(tx, actor, input),
      );
      if (!("data" in result)) failure(result);
      out(`Created ${result.data.role} ${result.data.email} (${result.data.id})`);
      return 0;
    },
  },
  {
    name: "token create",
    usage: "token create --email E [--name N]",
    description: "Create an API token for a user; prints it once",
    options: {
      email: { type: "string", description: "The user's e-mail" },
      name: { type: "string", description: "What the token is for" },
    },
    async run({ options }, { db, out }) {
      const email = String(options.email ?? "")
        .trim()
        .toLowerCase();
      if (!email) throw new AppError("invalid", "--email is required");
      const [user] = await db
        .select({ id: users.id })
        .from(users)
        .where(eq(sql`lower(${users.email})`, email));
      if (!user) throw new AppError("not_found", `No user with e-mail ${email}`);
      const input = { userId: user.id, name: String(options.name ?? "command line") };
      const result = await runMutation(
        CLI_ACTOR,
        { permission: "admin:manage", schema: createTokenSchema },
        input,
        ({ tx, actor, input }) => issueToken(tx, actor, input),
      );
      if (!("data" in result)) failure(result);
      out(result.data.token);
      return 0;
    },
  },
];
