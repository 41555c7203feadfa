import { CLI_ACTOR } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { run } from "@/lib/operations";
import { createApiTokenForEmail, createUserAccount } from "@/lib/users/operations";
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
      const result = await run(CLI_ACTOR, createUserAccount, options);
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
    async run({ options }, { out }) {
      if (!String(options.email ?? "").trim()) throw new AppError("invalid", "--email is required");
      const result = await run(CLI_ACTOR, createApiTokenForEmail, {
        email: options.email,
        name: String(options.name ?? "command line"),
      });
      if (!("data" in result)) failure(result);
      out(result.data.token);
      return 0;
    },
  },
];
