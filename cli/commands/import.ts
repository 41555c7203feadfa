import { existsSync } from "node:fs";
import path from "node:path";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { importComplaintsFile, type ProgressEvent } from "@/lib/imports/engine";
import {
  cliWorkerId,
  type FollowedJob,
  followJob,
  handOffImport,
  requestCancel,
  runnerIsUp,
} from "@/lib/imports/handoff";
import { createJob } from "@/lib/imports/jobs";
import { getMappingByName } from "@/lib/imports/mappings";
import { holdNewImportJob } from "@/lib/jobs/claims";
import { handOffToServer, heldMessage, TOKEN_VARIABLE } from "../server-handoff";
import type { CliCommand } from "../types";

const fmt = (n: number) => n.toLocaleString("en-US");

function progressLine(event: ProgressEvent): string {
  if (event.phase === "validating")
    return `Checked ${fmt(event.rowsRead)} rows (${fmt(event.rowsRejected)} with problems)`;
  const total = event.totalRows ? event.totalRows - event.rowsRejected : 0;
  const left = event.rowsPerSecond > 0 ? Math.ceil((total - event.rowsWritten) / event.rowsPerSecond) : 0;
  return `Written ${fmt(event.rowsWritten)} of ${fmt(total)} rows (${fmt(event.rowsPerSecond)} rows/s, about ${left} s left)`;
}

export const commands: CliCommand[] = [
  {
    name: "import complaints",
    usage: "import complaints FILE [--dry-run] [--skip-invalid] [--mapping NAME] [--create-missing] [--here]",
    description:
      "Import complaints from CSV (canonical, or a foreign export through a saved mapping). With a server or worker up on the database, the job runner runs it and this follows its progress; Ctrl-C cancels it. On the embedded database while the server is up, the file is handed to the server through its API (set COMPLAINTS_API_TOKEN)",
    options: {
      here: { type: "boolean", description: "Run it in this process even when a job runner is up" },
      "dry-run": { type: "boolean", description: "Check every row and report; write nothing" },
      "skip-invalid": { type: "boolean", description: "Write the valid rows even when some are invalid" },
      mapping: { type: "string", description: "Name of a saved column mapping (e.g. CFPB)" },
      "create-missing": {
        type: "boolean",
        description: "Create unknown markets (ISO codes), products, categories and root causes",
      },
      "batch-size": { type: "string", description: "Rows per committed batch (default 2000)" },
    },
    async whenDatabaseHeld({ positionals, options }, io, owner) {
      const [file] = positionals;
      if (!file) throw new AppError("invalid", "Name the CSV file: import complaints FILE");
      if (!existsSync(file)) throw new AppError("not_found", `No such file: ${file}`);
      const token = process.env[TOKEN_VARIABLE];
      if (!owner.url || !token || options.here === true) {
        io.err(heldMessage(owner, "the import"));
        return 2;
      }
      return handOffToServer(
        owner.url,
        token,
        file,
        {
          mappingName: typeof options.mapping === "string" ? options.mapping : null,
          dryRun: options["dry-run"] === true,
          skipInvalid: options["skip-invalid"] === true,
          createMissing: options["create-missing"] === true,
        },
        io,
      );
    },
    async run({ positionals, options }, { out, err, handle }) {
      const [file] = positionals;
      if (!file) throw new AppError("invalid", "Name the CSV file: import complaints FILE");
      if (!existsSync(file)) throw new AppError("not_found", `No such file: ${file}`);
      const mapping = typeof options.mapping === "string" ? await getMappingByName(options.mapping) : null;
      const batchSize = options["batch-size"] ? Number(options["batch-size"]) : undefined;
      if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) {
        throw new AppError("invalid", "--batch-size must be a positive whole number");
      }
      const common = {
        mapping: mapping?.config ?? null,
        mappingId: mapping?.id ?? null,
        mappingName: mapping?.name ?? null,
        dryRun: options["dry-run"] === true,
        skipInvalid: options["skip-invalid"] === true,
        batchSize,
      };
      // On the embedded database this process opened the folder, so no server runs there (a runner
      // row left from the server's last life is not a runner that is up).
      const shared = handle.kind === "postgres";
      if (options.here !== true && shared && (await runnerIsUp())) return followHandedOff(file, common, { out, err });

      // No runner is up: this process runs it, holding the job's claim like a runner would.
      const jobId = await createJob({
        fileName: path.basename(file),
        createdBy: null,
        mappingId: common.mappingId,
        dryRun: common.dryRun,
        skipInvalid: common.skipInvalid,
      });
      const claim = cliWorkerId();
      await holdNewImportJob(jobId, claim);
      const stop = onInterrupt(jobId, err);
      const result = await importComplaintsFile(file, {
        jobId,
        claim,
        actor: CLI_ACTOR,
        mapping: mapping?.config ?? null,
        mappingId: mapping?.id ?? null,
        mappingName: mapping?.name ?? null,
        dryRun: options["dry-run"] === true,
        skipInvalid: options["skip-invalid"] === true,
        createMissing: options["create-missing"] === true,
        batchSize,
        onProgress: (event) => err(progressLine(event)),
      }).finally(stop);
      if (result.format) {
        const f = result.format;
        err(
          `Read as ${f.encoding}${f.bom ? " with BOM" : ""}, delimiter ${JSON.stringify(f.delimiter)}, header on line ${f.headerLine}`,
        );
      }
      if (result.ignoredColumns.length) err(`Ignored columns: ${result.ignoredColumns.join(", ")}`);
      for (const e of result.errors) err(`line ${e.line}${e.column ? `, ${e.column}` : ""}: ${e.reason}`);
      if (result.rejected > result.errors.length)
        err(`… and more; all problems are stored with import job ${result.jobId}`);
      out(result.message);
      out(
        JSON.stringify({
          job: result.jobId,
          status: result.status,
          read: result.rowsRead,
          inserted: result.inserted,
          updated: result.updated,
          unchanged: result.unchanged,
          rejected: result.rejected,
          seconds: Math.round(result.elapsedMs) / 1000,
          checkedSeconds: Math.round(result.checkedMs) / 1000,
          writtenWhileChecking: result.writtenWhileChecking,
          rowsPerSecond: result.rowsPerSecond,
          created: result.created,
        }),
      );
      return result.status === "completed" ? 0 : 1;
    },
  },
];

/** Ctrl-C asks the job to stop (after its current batch); a second one leaves at once. */
function onInterrupt(jobId: string, err: (line: string) => void): () => void {
  let asked = false;
  const handler = () => {
    if (asked) process.exit(130);
    asked = true;
    err("Cancelling after the current batch (Ctrl-C again to leave now)…");
    void requestCancel(jobId).catch(() => {});
  };
  process.on("SIGINT", handler);
  return () => process.off("SIGINT", handler);
}

function followedLine(job: FollowedJob): string {
  const who = job.worker ? ` on ${job.worker}${job.attempts > 1 ? ` (attempt ${job.attempts})` : ""}` : "";
  if (job.status === "queued") return `Queued for the job runner${job.attempts > 0 ? " (to resume)" : ""}`;
  if (job.options.phase === "writing" && job.totalRows !== null)
    return `Written ${fmt(job.rowsWritten)} of ${fmt(job.totalRows - job.rowsRejected)} rows${who}`;
  return `Checked ${fmt(job.rowsRead)} rows (${fmt(job.rowsRejected)} with problems)${who}`;
}

/** Hands the import to the running job runner and follows it to the end; Ctrl-C cancels it there. */
async function followHandedOff(
  file: string,
  options: Parameters<typeof handOffImport>[1],
  { out, err }: { out: (line: string) => void; err: (line: string) => void },
): Promise<number> {
  const jobId = await handOffImport(file, options);
  err(`A job runner is up: import job ${jobId} is queued there (it goes on if this command stops)`);
  const stop = onInterrupt(jobId, err);
  const job = await followJob(jobId, (j) => err(followedLine(j))).finally(stop);
  const counts = job.options.counts ?? { inserted: 0, updated: 0, unchanged: 0 };
  out(job.message ?? job.status);
  out(
    JSON.stringify({
      job: jobId,
      status: job.status,
      read: job.rowsRead,
      ...counts,
      rejected: job.rowsRejected,
      worker: job.worker,
      attempts: job.attempts,
    }),
  );
  return job.status === "completed" ? 0 : 1;
}
