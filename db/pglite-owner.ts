import { readFileSync, rmSync, writeFileSync } from "node:fs";

/**
 * The embedded database's folder belongs to one process at a time: PGlite has no lock of its own, and
 * a second process opening the folder would corrupt it. The process that opens it writes an owner
 * file beside it (its pid and, for the web server, where it answers), removed when it closes the
 * database; an owner file whose process has ended is stale and taken over.
 */
export type PgliteOwner = { pid: number; url: string | null; since: string };

export class DatabaseHeldError extends Error {
  constructor(
    readonly dir: string,
    readonly owner: PgliteOwner,
  ) {
    super(
      `The embedded database (${dir}) is open in another process (pid ${owner.pid}${owner.url ? `, the server at ${owner.url}` : ""}); only one process can open it`,
    );
    this.name = "DatabaseHeldError";
  }
}

export const ownerFile = (dir: string) => `${dir.replace(/\/+$/, "")}.owner.json`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The live process holding the folder, other than this one; null when it is free. */
export function pgliteOwner(dir: string): PgliteOwner | null {
  let owner: PgliteOwner;
  try {
    owner = JSON.parse(readFileSync(ownerFile(dir), "utf8")) as PgliteOwner;
  } catch {
    return null;
  }
  if (!Number.isInteger(owner.pid) || owner.pid === process.pid || !alive(owner.pid)) return null;
  return owner;
}

/** Takes the folder for this process, or throws DatabaseHeldError naming the process that has it. */
export function takePglite(dir: string): void {
  const owner = pgliteOwner(dir);
  if (owner) throw new DatabaseHeldError(dir, owner);
  // A web server says where it answers, so a command line can hand it work.
  const port = process.env.NEXT_RUNTIME ? process.env.PORT || "3000" : null;
  const mine: PgliteOwner = {
    pid: process.pid,
    url: port ? `http://127.0.0.1:${port}` : null,
    since: new Date().toISOString(),
  };
  writeFileSync(ownerFile(dir), `${JSON.stringify(mine)}\n`);
}

/** Gives the folder back (only if this process holds it). */
export function releasePglite(dir: string): void {
  try {
    const owner = JSON.parse(readFileSync(ownerFile(dir), "utf8")) as PgliteOwner;
    if (owner.pid === process.pid) rmSync(ownerFile(dir), { force: true });
  } catch {}
}
