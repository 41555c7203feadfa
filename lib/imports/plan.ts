import { db } from "@/db";
import { BatchWriter } from "./batch-writer";
import { type ByteSource, type DetectedFormat, detectFormat } from "./detect";
import type { ImportResult } from "./engine";
import { type MappingTarget, REQUIRED_FIELDS } from "./fields";
import type { ImportRun } from "./import-run";
import { reportProgress, saveErrors } from "./jobs";
import { loadLookups } from "./lookups";
import { canonicalMapping, mappedFields } from "./mapping";
import { RowResolver } from "./resolve";
import type { Lookups } from "./resolve-types";
import { rowProblem } from "./stored-words";
import { type MappingConfig, withCreateMissing } from "./validations";

const DEFAULT_BATCH = 2000;

/** What an import reads the file with and writes its rows with. */
export type ImportPlan = {
  format: DetectedFormat;
  config: MappingConfig;
  fields: Set<MappingTarget>;
  lookups: Lookups;
  resolver: RowResolver;
  writer: BatchWriter;
  batchSize: number;
};

/**
 * Detects the file's format and maps its columns (the taxonomies load meanwhile); a file without a
 * column for a required field ends the job here.
 */
export async function planImport(run: ImportRun, source: ByteSource): Promise<ImportPlan | { result: ImportResult }> {
  const { options, jobId, claim } = run;
  const expected = options.mapping ? Object.keys(options.mapping.columns) : [];
  const loading = loadLookups(db);
  loading.catch(() => {}); // awaited below, where a failure is reported
  const format = await detectFormat(source, expected);
  run.format = format;
  const base = options.mapping ?? canonicalMapping(format.headers);
  const config = withCreateMissing(base, !!options.createMissing);
  run.ignoredColumns = format.headers.filter((h) => !config.columns[h]);
  const fields = mappedFields(config, format.headers);
  const missing = REQUIRED_FIELDS.filter((f) => !fields.has(f));
  if (missing.length) {
    const error = rowProblem(format.headerLine, null, ["importRules.row.noColumnFor", { fields: missing.join(", ") }]);
    run.keep([error]);
    await saveErrors(jobId, [error]);
    return {
      result: await run.finish("failed", [
        "importRules.outcome.noColumnFor",
        { fields: missing.join(", "), line: format.headerLine },
      ]),
    };
  }
  const { encoding, delimiter, headerLine, bom } = format;
  const [lookups] = await Promise.all([
    loading,
    reportProgress(
      jobId,
      { options: { format: { encoding, delimiter, headerLine, bom }, ignoredColumns: run.ignoredColumns } },
      db,
      claim,
    ),
  ]);
  const writer = new BatchWriter({
    jobId,
    actor: options.actor,
    config,
    lookups,
    fields,
    meta: { importJobId: jobId, fileName: options.fileName },
    claim,
  });
  const resolver = new RowResolver(config, format.headers, lookups);
  return { format, config, fields, lookups, resolver, writer, batchSize: options.batchSize ?? DEFAULT_BATCH };
}
