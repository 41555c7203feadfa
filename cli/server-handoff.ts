import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { DatabaseOwner as PgliteOwner } from "@/lib/runtime/database";

/**
 * A command-line import while the web server holds the embedded database: the command cannot open
 * the database, so it hands the file to the server through its API (an API token of a user who may
 * import, in COMPLAINTS_API_TOKEN), where the server's job runner runs it, and follows it there.
 */
export const TOKEN_VARIABLE = "COMPLAINTS_API_TOKEN";
const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

type Io = { out: (line: string) => void; err: (line: string) => void };
export type HandOffOptions = {
  mappingName: string | null;
  dryRun: boolean;
  skipInvalid: boolean;
  createMissing: boolean;
};

type ServerJob = {
  id: string;
  status: string;
  message: string | null;
  rowsRead: number;
  rowsWritten: number;
  rowsRejected: number;
  totalRows: number | null;
  phase: string;
  worker?: string | null;
  attempts?: number;
  counts: { inserted: number; updated: number; unchanged: number };
};

const fmt = (n: number) => n.toLocaleString("en-US");

/** What to tell someone whose command cannot open the database the server holds. */
export function heldMessage(owner: PgliteOwner, what: string): string {
  const where = owner.url ? `the server at ${owner.url}` : `process ${owner.pid}`;
  return [
    `The embedded database is open in ${where} (pid ${owner.pid}): only one process can open it, so ${what} cannot run here while it is up.`,
    owner.url
      ? `To import while it runs, hand the file to the server: set ${TOKEN_VARIABLE} to an API token of a user who may import (Admin → Users → API tokens) and run the command again, or upload the file at ${owner.url}/imports.`
      : "Stop that process and run the command again.",
    "Or stop the server and run the command again; or run the app on PostgreSQL (DATABASE_URL), where the command line and the server share the database.",
  ].join("\n");
}

async function call(url: string, token: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, { ...init, headers: { authorization: `Bearer ${token}`, ...init.headers } });
  if (response.ok) return response;
  const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  throw new Error(`The server answered ${response.status}: ${body?.error?.message ?? response.statusText}`);
}

/** Uploads the file to the server with start=1, follows the job until it ends; Ctrl-C cancels it there. */
export async function handOffToServer(
  serverUrl: string,
  token: string,
  file: string,
  options: HandOffOptions,
  { out, err }: Io,
): Promise<number> {
  if (statSync(file).size > MAX_UPLOAD_BYTES)
    throw new Error("The file is larger than the server takes (100 MB): stop the server and import it here");
  const params = new URLSearchParams({ start: "1", fileName: path.basename(file) });
  if (options.mappingName) params.set("mapping", options.mappingName);
  if (options.dryRun) params.set("dryRun", "1");
  if (options.skipInvalid) params.set("skipInvalid", "1");
  if (options.createMissing) params.set("createMissing", "1");
  const uploaded = await call(`${serverUrl}/api/v1/imports?${params}`, token, {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: readFileSync(file),
  });
  const { id } = (await uploaded.json()) as { id: string };
  err(
    `The server at ${serverUrl} holds the embedded database: import job ${id} is queued there (it goes on if this command stops)`,
  );
  let cancelAsked = false;
  const interrupt = () => {
    if (cancelAsked) process.exit(130);
    cancelAsked = true;
    err("Cancelling after the current batch (Ctrl-C again to leave now)…");
    void call(`${serverUrl}/api/v1/imports/${id}/cancel`, token, { method: "POST" }).catch(() => {});
  };
  process.on("SIGINT", interrupt);
  let last = "";
  let job: ServerJob;
  try {
    for (;;) {
      job = (await (await call(`${serverUrl}/api/v1/imports/${id}`, token)).json()) as ServerJob;
      const line =
        job.status === "queued"
          ? "Queued for the server's job runner"
          : job.phase === "writing" && job.totalRows !== null
            ? `Written ${fmt(job.rowsWritten)} of ${fmt(job.totalRows - job.rowsRejected)} rows`
            : `Checked ${fmt(job.rowsRead)} rows (${fmt(job.rowsRejected)} with problems)`;
      if (line !== last) err((last = line));
      if (!["queued", "running"].includes(job.status)) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    process.off("SIGINT", interrupt);
  }
  out(job.message ?? job.status);
  out(
    JSON.stringify({
      job: id,
      status: job.status,
      read: job.rowsRead,
      ...job.counts,
      rejected: job.rowsRejected,
      server: serverUrl,
    }),
  );
  return job.status === "completed" ? 0 : 1;
}
