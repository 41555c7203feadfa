import type { Role } from "@/lib/domain/values";

/** Whoever performs a change: a signed-in user, an API token's user, or the command line. */
export type Actor = {
  userId: string | null;
  role: Role;
  name: string;
  email: string | null;
  /** How they came in, for the audit log: "web", "api:czt_ab12…", "cli". */
  label: string;
};

export const CLI_ACTOR: Actor = { userId: null, role: "admin", name: "Command line", email: null, label: "cli" };
