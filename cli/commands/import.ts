import { existsSync } from "node:fs";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { importComplaintsFile, type ProgressEvent } from "@/lib/imports/engine";
import { getMappingByName } from "@/lib/imports/mappings";
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
    usage: "import complaints FILE [--dry-run] [--skip-invalid] [--mapping NAME] [--create-missing]",
    description: "Import complaints from CSV (canonical, or a foreign export through a saved mapping)",
    options: {
      "dry-run": { type: "boolean", description: "Check every row and report; write nothing" },
      "skip-invalid": { type: "boolean", description: "Write the valid rows even when some are invalid" },
      mapping: { type: "string", description: "Name of a saved column mapping (e.g. CFPB)" },
      "create-missing": {
        type: "boolean",
        description: "Create unknown markets (ISO codes), products, categories and root causes",
      },
      "batch-size": { type: "string", description: "Rows per committed batch (default 2000)" },
    },
    async run({ positionals, options }, { out, err }) {
      const [file] = positionals;
      if (!file) throw new AppError("invalid", "Name the CSV file: import complaints FILE");
      if (!existsSync(file)) throw new AppError("not_found", `No such file: ${file}`);
      const mapping = typeof options.mapping === "string" ? await getMappingByName(options.mapping) : null;
      const batchSize = options["batch-size"] ? Number(options["batch-size"]) : undefined;
      if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) {
        throw new AppError("invalid", "--batch-size must be a positive whole number");
      }
      const result = await importComplaintsFile(file, {
        actor: CLI_ACTOR,
        mapping: mapping?.config ?? null,
        mappingId: mapping?.id ?? null,
        mappingName: mapping?.name ?? null,
        dryRun: options["dry-run"] === true,
        skipInvalid: options["skip-invalid"] === true,
        createMissing: options["create-missing"] === true,
        batchSize,
        onProgress: (event) => err(progressLine(event)),
      });
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
