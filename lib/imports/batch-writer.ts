import { sql } from "drizzle-orm";
import { db, type Tx } from "@/db";
import { postgresError } from "@/db/errors";
import type { Actor } from "@/lib/auth/actor";
import { isExternalIdConflict } from "@/lib/complaints/references-check";
import type { MappingTarget } from "./fields";
import { type BatchMark, reportBatch } from "./jobs";
import { type Created, ensureReferences } from "./lookups";
import type { Lookups, ResolvedRow } from "./resolve-types";
import type { MappingConfig } from "./validations";
import { type BatchCounts, type WriteMode, writeBatch } from "./writer";

const DEADLOCK = "40P01";

/**
 * Import batches lost in a crash are written again by the next run (rows are keyed by external_id
 * and the job's progress commits with them), so their commits need not wait for the disk.
 */
export async function commitWithoutWaitingForDisk(tx: Tx): Promise<void> {
  await tx.execute(sql`set local synchronous_commit = off`);
}

export type BatchResult = { written: BatchCounts; created: Created };
export type CommittedBatch = BatchResult & { cancel: boolean };

export type BatchWriterContext = {
  jobId: string;
  actor: Actor;
  config: MappingConfig;
  lookups: Lookups;
  fields: Set<MappingTarget>;
  meta: Record<string, unknown>;
  /** The runner's claim on the job: a batch commits only while it holds it. */
  claim?: string;
};

/**
 * Writes an import's batches. A file's rows are mostly all new or all stored (a first import, a
 * re-import, a resumed one), so once a batch finds none of its rows stored, the following batches
 * skip that lookup and only insert; one that then meets a stored row fails on the unique key and is
 * written again with the lookup, which the following batches keep until one finds none stored again.
 */
export class BatchWriter {
  private assumeNew = false;

  constructor(private readonly context: BatchWriterContext) {}

  /** Writes one batch inside a transaction that holds other batches too: a failed insert is undone to a savepoint. */
  async writeInShared(tx: Tx, rows: ResolvedRow[]): Promise<BatchResult> {
    if (this.assumeNew) {
      try {
        return await tx.transaction((savepoint) => this.write(savepoint, rows, "new"));
      } catch (error) {
        if (!isExternalIdConflict(error)) throw error;
        this.assumeNew = false;
      }
    }
    return this.write(tx, rows, "lookup");
  }

  /** Writes one batch in its own transaction, which also adds it to the job's written count and records its position. */
  async commit(rows: ResolvedRow[], mark: BatchMark): Promise<CommittedBatch> {
    const attempt = (mode: WriteMode) =>
      db.transaction(async (tx) => {
        await commitWithoutWaitingForDisk(tx);
        const result = await this.write(tx, rows, mode);
        const cancel = await reportBatch(tx, this.context.jobId, rows.length, result.written, this.context.claim, mark);
        return { ...result, cancel };
      });
    try {
      return await attempt(this.assumeNew ? "new" : "lookup");
    } catch (error) {
      // A stored row met without the lookup, another import that wrote some of these rows since the
      // lookup, or two batches deadlocked on the monthly counts: the batch rolled back whole, and runs
      // again against what is there now.
      if (!isExternalIdConflict(error) && postgresError(error)?.code !== DEADLOCK) throw error;
      this.assumeNew = false;
      return attempt("guarded");
    }
  }

  private async write(tx: Tx, rows: ResolvedRow[], mode: WriteMode): Promise<BatchResult> {
    const { actor, config, lookups, fields, meta } = this.context;
    const refs = await ensureReferences(tx, rows, lookups, config, actor, meta);
    const written = await writeBatch(tx, { rows, ...refs, fields, mode, userId: actor.userId });
    if (mode !== "new") this.assumeNew = written.inserted === rows.length;
    return { written, created: refs.created };
  }
}
