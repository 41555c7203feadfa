import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { type DbHandle, openDatabase, pgliteDir } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { users } from "@/db/schema";
import { seedDemoData } from "@/db/seed";

export const ROOT = process.cwd();
export const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");

/** AUTH_SECRET from the environment, or one generated once and kept beside the embedded database. */
export function ensureAuthSecret(env: NodeJS.ProcessEnv): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(ROOT, ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
    console.warn(
      `AUTH_SECRET is not set: generated one in ${path.relative(ROOT, file)}. Set AUTH_SECRET yourself when running more than one instance.`,
    );
  }
  return readFileSync(file, "utf8").trim();
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code}`)),
    );
    child.on("error", reject);
  });
}

export function buildExists(distDir: string): boolean {
  return existsSync(path.join(ROOT, distDir, "BUILD_ID"));
}

/** Applies migrations; seeds demo data when asked (the embedded default's first start, or tests). */
export async function prepareDatabase(options: {
  url?: string;
  dir?: string;
  seed: "never" | "if-empty";
}): Promise<void> {
  const handle: DbHandle = openDatabase({ url: options.url, dir: options.dir ?? pgliteDir(), max: 2 });
  try {
    await migrateDatabase(handle);
    if (options.seed === "if-empty") {
      const [anyUser] = await handle.db.select({ id: users.id }).from(users).where(eq(users.active, true)).limit(1);
      if (!anyUser) {
        console.log("First start: writing demo data…");
        const result = await seedDemoData(handle.db, { log: (m) => console.log(`  ${m}`) });
        if (result.seeded) console.log(`Demo data ready: ${JSON.stringify(result.summary)}`);
      }
    }
  } finally {
    await handle.close();
  }
}

/** Starts `next start` and forwards termination signals to it. */
export function serve(
  port: string,
  env: NodeJS.ProcessEnv,
  onExit?: (code: number) => Promise<void> | void,
): ChildProcess {
  // The preload decides each request's client address (see scripts/client-address.cjs).
  const preload = path.join(ROOT, "scripts", "client-address.cjs");
  // Idle connections are kept 65 s, longer than a load balancer's usual 60 s: when the server closes an
  // idle connection first, a client that reuses it at that moment gets ECONNRESET (Node's default is 5 s).
  const host = env.HOSTNAME ?? "0.0.0.0";
  const args = ["--require", preload, NEXT_BIN, "start", "-p", port, "-H", host, "--keepAliveTimeout", "65000"];
  const child = spawn(process.execPath, args, { stdio: "inherit", env: { ...env, CLIENT_ADDRESS_PRELOAD: "1" } });
  const stop = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", async (code) => {
    await onExit?.(code ?? 0);
    process.exit(code ?? 0);
  });
  return child;
}
