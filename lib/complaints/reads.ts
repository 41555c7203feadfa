import "server-only";
import { z } from "zod";
import { writeAudit } from "@/lib/audit/log";
import { AppError } from "@/lib/errors";
import { enqueueExport, exportsAsJob } from "@/lib/exports/jobs";
import { requestExport } from "@/lib/exports/request";
import { LOCALES } from "@/lib/i18n/locales";
import { refuse } from "@/lib/i18n/say";
import { exportComplaintsCsv } from "@/lib/imports/export";
import { defineBatchOperation, defineRead, run } from "@/lib/operations";
import { personalDataAccessOf } from "@/lib/privacy/gate";
import { listDeadlineRules } from "./deadline-rules";
import { getComplaintDetail } from "./detail-query";
import { parseComplaintFilters } from "./filters";
import { listComplaints } from "./list-query";
import { loadComplaintOptions } from "./options";
import { listSavedViews } from "./saved-views";

// The list's URL parameters as they came (repeated keys and all); the filters parser is the allow-list.
const listParams = z.instanceof(URLSearchParams);

/** A page of the complaint list, as the reader may see it (personal data by their role, through the gate). */
export const readComplaintList = defineRead({
  name: "complaints.readComplaintList",
  permission: "complaints:read",
  input: listParams,
  read: async ({ actor, input, db }) => {
    const filters = parseComplaintFilters(input, actor.locale);
    const list = await listComplaints(db, filters, { access: personalDataAccessOf(actor.role) });
    return { ...list, page: filters.page, perPage: filters.perPage };
  },
});

/** One complaint with its causes, deadlines and family, as the reader may see it. */
export const readComplaint = defineRead({
  name: "complaints.readComplaint",
  permission: "complaints:read",
  input: z.object({ id: z.string(), withHistory: z.boolean().default(false), locale: z.enum(LOCALES).optional() }),
  read: async ({ actor, input, db }) => {
    const detail = z.uuid().safeParse(input.id).success
      ? await getComplaintDetail(db, input.id, {
          access: personalDataAccessOf(actor.role),
          withHistory: input.withHistory,
          locale: input.locale,
        })
      : null;
    if (!detail) throw refuse("not_found", "complaintRules.complaintNotFound");
    return detail;
  },
});

/** The choices a complaint's fields offer (markets, products, categories, authorities, root causes, people). */
export const readComplaintOptions = defineRead({
  name: "complaints.readComplaintOptions",
  permission: "complaints:read",
  input: z.object({}),
  read: ({ db }) => loadComplaintOptions(db),
});

/** The reader's own saved views of the complaint list. */
export const readSavedViews = defineRead({
  name: "complaints.readSavedViews",
  permission: "complaints:read",
  input: z.object({}),
  read: async ({ actor, db }) => (actor.userId ? listSavedViews(db, actor.userId) : []),
});

/** The deadline rules per market and channel, for their administration. */
export const readDeadlineRules = defineRead({
  name: "complaints.readDeadlineRules",
  permission: "admin:manage",
  input: z.object({}),
  read: ({ db }) => listDeadlineRules(db),
});

/**
 * The complaint list as filtered, as canonical CSV chunks, redacted by the reader's role; the export
 * is audited first. The first chunk is read here, so a database that is away is an error, not an
 * empty file. Past the export threshold the file is a job instead: the job is recorded (an operation of
 * its own, audited) and sent to the runner once committed, and the answer says where to follow it.
 */
export const exportComplaints = defineBatchOperation({
  name: "complaints.exportComplaints",
  permission: "exports:run",
  input: listParams,
  work: async ({ actor, input, db }) => {
    const filters = parseComplaintFilters(input, actor.locale);
    const excel = input.get("excel") === "1" || input.get("excel") === "true";
    if ((await exportsAsJob(filters, db)).asJob) {
      const result = await run(actor, requestExport, { query: input.toString(), excel });
      if ("error" in result) throw new AppError(result.error.code, result.error.message, result.error.details);
      await enqueueExport(result.data.id);
      return { kind: "job" as const, job: result.data };
    }
    const access = personalDataAccessOf(actor.role);
    await writeAudit(db, actor, {
      action: "complaints.export",
      entityType: "complaint",
      meta: { query: input.toString(), excel, redacted: access !== "full" },
    });
    const chunks = exportComplaintsCsv(filters, { access, excel });
    return { kind: "file" as const, excel, chunks, first: await chunks.next() };
  },
});
