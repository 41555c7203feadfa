import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as cancelImport } from "@/app/api/v1/imports/[id]/cancel/route";
import { GET as getImport } from "@/app/api/v1/imports/[id]/route";
import { POST as uploadImport } from "@/app/api/v1/imports/route";
import { closeDatabase, db } from "@/db";
import { type DbHandle, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { ownerFile } from "@/db/pglite-owner";
import { rowsOf } from "@/db/rows";
import { users } from "@/db/schema";
import { createApiToken } from "@/lib/auth/tokens";
import { scratchDir } from "@/lib/imports/fixtures/files";
import { writeCanonicalFile } from "@/lib/imports/fixtures/generate";
import { seedReferenceData } from "@/lib/imports/fixtures/reference-data";
import { startRunner, stopRunner } from "@/lib/jobs/runner";

// The embedded database while the web server is up: this test process plays the server (it holds a
// PGlite folder, runs the job runner and answers the import API through the route handlers), and the
// command line, a process of its own, cannot open the folder: it says what to do, or, given an API
// token, hands the file to the server and follows the job to the end.
const onPglite = !process.env.TEST_DATABASE_URL;
const scratch = scratchDir();
const dir = path.join(scratch.dir, "pglite");
const globalForDb = globalThis as unknown as { __complaintDb?: DbHandle };
let server: Server;
let base = "";
let token = "";

/** The import API's route handlers behind a plain HTTP server, as `next start` serves them. */
async function serveImportApi(request: IncomingMessage, response: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const url = new URL(request.url ?? "/", base);
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(key, value);
  const body = chunks.length ? Buffer.concat(chunks) : undefined;
  const next = new NextRequest(url, { method: request.method, headers, body });
  const match = /^\/api\/v1\/imports(?:\/([^/]+))?(\/cancel)?$/.exec(url.pathname);
  const params = { params: Promise.resolve({ id: match?.[1] ?? "" }) };
  const handler = !match
    ? null
    : match[2]
      ? cancelImport
      : match[1]
        ? getImport
        : request.method === "POST"
          ? uploadImport
          : null;
  const answer = handler ? await handler(next, params) : new Response("Not found", { status: 404 });
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  response.end(Buffer.from(await answer.arrayBuffer()));
}

async function runCli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", "cli/index.ts", ...args], {
    env: { ...process.env, DATABASE_URL: "", TEST_DATABASE_URL: "", PGLITE_DIR: dir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const out: string[] = [];
  const err: string[] = [];
  child.stdout!.on("data", (c: Buffer) => out.push(c.toString()));
  child.stderr!.on("data", (c: Buffer) => err.push(c.toString()));
  const [code] = (await once(child, "exit")) as [number];
  return { code, out: out.join(""), err: err.join("") };
}

describe.runIf(onPglite)("a command-line import while the server holds the embedded database", () => {
  beforeAll(async () => {
    server = createServer((req, res) => {
      serveImportApi(req, res).catch((error) => {
        res.writeHead(500);
        res.end(String(error));
      });
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    const { port } = server.address() as AddressInfo;
    base = `http://127.0.0.1:${port}`;
    // Opened as the web server opens it: it says where it answers in the owner file.
    process.env.NEXT_RUNTIME = "nodejs";
    process.env.PORT = String(port);
    const handle = openDatabase({ dir });
    delete process.env.NEXT_RUNTIME;
    delete process.env.PORT;
    await migrateDatabase(handle);
    globalForDb.__complaintDb = handle;
    await seedReferenceData(handle.db);
    const [user] = await db
      .insert(users)
      .values({ email: "importer@handoff.test", name: "Importer", role: "reviewer" })
      .returning();
    token = (await createApiToken(db, user!.id, "cli")).token;
    process.env.JOBS_POLL_SECONDS = "0.5";
    await startRunner("web");
  }, 120_000);

  afterAll(async () => {
    await stopRunner();
    server?.close();
    await closeDatabase();
    scratch.cleanup();
  });

  it("names the server holding it and what to do, without opening it", async () => {
    const owner = JSON.parse(readFileSync(ownerFile(dir), "utf8"));
    expect(owner).toMatchObject({ pid: process.pid, url: base });
    const file = path.join(scratch.dir, "refused.csv");
    await writeCanonicalFile(file, 10, "REFUSED");
    const result = await runCli(["import", "complaints", file]);
    expect(result.code, result.err).toBe(2);
    expect(result.err).toContain(`the server at ${base}`);
    expect(result.err).toContain("only one process can open it");
    expect(result.err).toContain("COMPLAINTS_API_TOKEN");
    // Any other command is refused alike, rather than opening the folder beside the server.
    const other = await runCli(["token", "create", "--email", "importer@handoff.test"]);
    expect(other.code).toBe(2);
    expect(other.err).toContain("only one process can open it");
    const [rows] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from complaints where external_id like 'REFUSED-%'`),
    );
    expect(rows?.n).toBe(0);
  }, 120_000);

  it("hands the file to the server with an API token and follows the job to the end", async () => {
    const file = path.join(scratch.dir, "handed.csv");
    await writeCanonicalFile(file, 1500, "HANDED");
    const result = await runCli(["import", "complaints", file], { COMPLAINTS_API_TOKEN: token });
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain(`The server at ${base} holds the embedded database`);
    expect(result.err).toMatch(/import job \S+ is queued there/);
    const summary = JSON.parse(result.out.trim().split("\n").at(-1)!);
    expect(summary).toMatchObject({ status: "completed", inserted: 1500, server: base });
    const [job] = rowsOf<{ status: string; worker: string | null; file_name: string; by: string }>(
      await db.execute(sql`select j.status, j.worker, j.file_name, u.email as by from import_jobs j
        join users u on u.id = j.created_by where j.id = ${summary.job}`),
    );
    // Run by the server's runner, as the token's user.
    expect(job).toMatchObject({ status: "completed", file_name: "handed.csv", by: "importer@handoff.test" });
    expect(job?.worker).toMatch(/^web@/);
    const [rows] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from complaints where external_id like 'HANDED-%'`),
    );
    expect(rows?.n).toBe(1500);
    expect(existsSync(ownerFile(dir))).toBe(true);
  }, 180_000);
});
