import type { DatabaseOwner, ProcessDatabase } from "@/lib/runtime/database";

export type CliOptionSpec = { type: "string" | "boolean"; description: string; multiple?: boolean };

export type CliArgs = {
  /** Words after the command name (e.g. the FILE of `import complaints FILE`). */
  positionals: string[];
  options: Record<string, string | boolean | string[] | undefined>;
};

export type CliContext = {
  /** The process's open database: its engine decides how the import runs (see `import complaints`). */
  handle: ProcessDatabase;
  /** Normal output (stdout): what scripts read. */
  out: (line: string) => void;
  /** Progress and diagnostics (stderr). */
  err: (line: string) => void;
};

/**
 * One CLI command. Modules in `cli/commands/` export `commands: CliCommand[]`; `cli/index.ts` loads them all.
 * `name` is the words that select it ("import complaints", "metric publish", "db migrate").
 * `run` returns the process exit code; throw `AppError` for a clear, user-facing failure.
 */
export type CliCommand = {
  name: string;
  usage: string;
  description: string;
  options?: Record<string, CliOptionSpec>;
  /** Commands that must work before migrations exist (db migrate) set this. */
  skipMigrationCheck?: boolean;
  run: (args: CliArgs, ctx: CliContext) => Promise<number>;
  /**
   * When the embedded database is open in another process (the web server), the command cannot open
   * it: this runs instead, without a database (the import hands its file to the server). Without it,
   * the command says what to do and ends.
   */
  whenDatabaseHeld?: (args: CliArgs, ctx: Omit<CliContext, "handle">, owner: DatabaseOwner) => Promise<number>;
};
