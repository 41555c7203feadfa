import { readdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/errors";
import { installConsoleSanitiser } from "@/lib/log";
import {
  closeDatabase,
  DatabaseHeldError,
  openProcessDatabase,
  type ProcessDatabase,
  pendingMigrations,
} from "@/lib/runtime/database";
import { heldMessage } from "./server-handoff";
import type { CliCommand } from "./types";

async function loadCommands(): Promise<CliCommand[]> {
  const dir = path.join(__dirname, "commands");
  const files = readdirSync(dir)
    .filter((f) => /\.ts$/.test(f) && !f.endsWith(".test.ts"))
    .sort();
  const modules = await Promise.all(
    files.map((f) => import(path.join(dir, f)) as Promise<{ commands?: CliCommand[] }>),
  );
  return modules.flatMap((m) => m.commands ?? []);
}

function usage(commands: CliCommand[]): string {
  const lines = ["Usage: npm run cli -- <command> [options]", "", "Commands:"];
  for (const c of commands) lines.push(`  ${c.usage.padEnd(64)} ${c.description}`);
  return lines.join("\n");
}

/** The command whose name matches the most leading words of argv. */
function findCommand(commands: CliCommand[], argv: string[]) {
  let best: { command: CliCommand; words: number } | undefined;
  for (const command of commands) {
    const words = command.name.split(" ");
    if (words.every((w, i) => argv[i] === w) && (!best || words.length > best.words))
      best = { command, words: words.length };
  }
  return best;
}

async function main(): Promise<number> {
  installConsoleSanitiser();
  const argv = process.argv.slice(2);
  const commands = await loadCommands();
  if (argv.length === 0 || argv[0] === "help" || argv[0] === "--help") {
    console.log(usage(commands));
    return argv.length === 0 ? 1 : 0;
  }
  const found = findCommand(commands, argv);
  if (!found) {
    console.error(`Unknown command: ${argv.join(" ")}\n\n${usage(commands)}`);
    return 1;
  }
  const { command, words } = found;
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv.slice(words),
      options: { ...(command.options ?? {}) },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run cli -- ${command.usage}`);
    return 1;
  }

  const io = { out: (line: string) => console.log(line), err: (line: string) => console.error(line) };
  const args = {
    positionals: parsed.positionals,
    options: parsed.values as Record<string, string | boolean | string[] | undefined>,
  };
  let handle: ProcessDatabase;
  try {
    handle = openProcessDatabase();
  } catch (error) {
    if (!(error instanceof DatabaseHeldError)) throw error;
    if (command.whenDatabaseHeld) return command.whenDatabaseHeld(args, io, error.owner);
    console.error(heldMessage(error.owner, `npm run cli -- ${command.name}`));
    return 2;
  }
  if (!command.skipMigrationCheck) {
    const pending = await pendingMigrations();
    if (pending > 0) {
      console.error(`The database has ${pending} unapplied migration(s). Run: npm run cli -- db migrate`);
      return 1;
    }
  }
  return command.run(args, { handle, ...io });
}

main()
  .then(async (code) => {
    await closeDatabase();
    process.exit(code);
  })
  .catch(async (error) => {
    if (error instanceof AppError) {
      console.error(`Error: ${error.message}`);
      if (error.details) console.error(JSON.stringify(error.details, null, 2));
    } else {
      console.error(error);
    }
    await closeDatabase().catch(() => {});
    process.exit(1);
  });
