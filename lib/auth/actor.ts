import type { Role } from "@/lib/domain/values";
import type { Locale } from "@/lib/i18n/locales";

/** Whoever performs a change: a signed-in user, an API token's user, or the command line. */
export type Actor = {
  userId: string | null;
  role: Role;
  name: string;
  email: string | null;
  /** How they came in, for the audit log: "web", "api:czt_ab12…", "cli". */
  label: string;
  /**
   * The language they read the answer in: the web's chosen language, an API caller's Accept-Language;
   * absent (the command line, schedules) is English.
   */
  locale?: Locale;
};

export const CLI_ACTOR: Actor = { userId: null, role: "admin", name: "Command line", email: null, label: "cli" };
