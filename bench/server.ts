// The production server as an operator runs it (`npm start` with DATABASE_URL), built into its own
// folder, plus what the bench needs of it: readiness, a session cookie, and its memory.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = process.cwd();
const SOURCE_DIRS = ["app", "lib", "db", "components", "proxy.ts", "next.config.ts", "package.json"];

function newestMtime(entry: string): number {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(full)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** True when there is no build in `distDir` or a source file changed after it. */
export function buildIsStale(distDir: string): boolean {
  const id = path.join(ROOT, distDir, "BUILD_ID");
  if (!existsSync(id)) return true;
  const built = statSync(id).mtimeMs;
  return SOURCE_DIRS.some((d) => newestMtime(d) > built);
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });
}

export async function build(env: NodeJS.ProcessEnv) {
  await run([path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "build"], env);
}

export type Server = { url: string; child: ChildProcess; stop: () => Promise<void>; peakMemoryMb: () => number };

/** A process's parent (Linux /proc; throws when the process is gone). */
export function parentPid(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

/** A process and its descendants (Linux /proc). */
function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const ppid = parentPid(Number(name));
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // The process ended while being read.
    }
  }
  const out: number[] = [];
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** Sum of resident memory of a process and its descendants, in MB. */
function treeRssMb(rootPid: number): number {
  let kb = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch {
      // Gone.
    }
  }
  return kb / 1024;
}

// /proc reports CPU time in clock ticks: 100 a second on Linux.
const TICK_MS = 10;

/**
 * CPU time (user + system) a process tree has used, in ms: each living process's own, plus what the
 * children it has waited for used (so a PostgreSQL backend that ended still counts, in its postmaster).
 */
export function treeCpuMs(rootPid: number): number {
  let ticks = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // utime, stime, cutime, cstime (proc(5), fields 14–17).
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // Gone.
    }
  }
  return ticks * TICK_MS;
}

/** Samples the resident memory of a process tree every 250 ms; `stop` returns the peak in MB. */
export function watchMemory(pid: number): { stop: () => number; peak: () => number } {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRssMb(pid));
  }, 250);
  return {
    peak: () => Math.round(peak),
    stop: () => {
      clearInterval(timer);
      return Math.round(peak);
    },
  };
}

/** Starts `npm start` (scripts/start.ts) and waits until /api/health answers. */
export async function startServer(port: number, env: NodeJS.ProcessEnv, logFile?: string): Promise<Server> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...env, PORT: String(port), HOSTNAME: "127.0.0.1" },
    stdio: ["ignore", logFile ? "pipe" : "ignore", "inherit"],
    detached: true,
  });
  const memory = watchMemory(child.pid!);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error("The server did not start within 120 s");
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    child,
    peakMemoryMb: memory.peak,
    stop: async () => {
      memory.stop();
      // The whole group: the start script and the Next.js server it started.
      if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGTERM");
      await new Promise((r) => setTimeout(r, 500));
    },
  };
}

function cookiesOf(res: Response): string[] {
  return res.headers.getSetCookie().flatMap((c) => c.split(";").slice(0, 1));
}

/** Signs in through next-auth's credentials callback, as the sign-in form does; returns the Cookie header. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${url}/dashboard` }),
  });
  const session = cookiesOf(res).find((c) => c.includes("authjs.session-token="));
  if (!session) throw new Error(`Signing in as ${email} gave no session cookie (status ${res.status})`);
  return [...jar, session].join("; ");
}
