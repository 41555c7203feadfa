import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { phraseIn } from "@/lib/i18n/say";
import { type ExportJob, exportMessageIn } from "./jobs";

const exportId = z.uuid();

/** The id in an export's URL, or a 400 naming it. */
export function exportIdOf(id: string): string {
  const parsed = exportId.safeParse(id);
  if (!parsed.success) {
    throw new AppError("invalid", (locale) => {
      const message = phraseIn(locale, "adminRules.exports.notExportId");
      return { message, details: [{ path: "id", message }] };
    });
  }
  return parsed.data;
}

/**
 * An export job as the API shows it: its status, counts, expiry, its message in the reader's language
 * and, once ready, where to download it.
 */
export function exportJobView(job: ExportJob, locale: Locale) {
  return {
    id: job.id,
    status: job.status,
    fileName: job.fileName,
    filters: job.filters,
    excel: job.excel,
    expectedRows: job.expectedRows,
    rows: job.rows,
    bytes: job.bytes,
    message: exportMessageIn(job.message, locale),
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    expiresAt: job.expiresAt?.toISOString() ?? null,
    download: job.status === "ready" ? `/api/v1/exports/${job.id}/file` : null,
  };
}
