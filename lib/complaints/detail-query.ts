import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, Tx } from "@/db";
import {
  analysisNotes,
  authorities,
  categories,
  commentMentions,
  comments,
  complaintRootCauses,
  complaints,
  deadlineRules,
  products,
  rootCauses,
  statusTransitions,
  users,
} from "@/db/schema";
import type { Locale } from "@/lib/i18n/locales";
import { gateComplaint, gateText, type PersonalDataAccess } from "@/lib/privacy/gate";
import { complaintDueDates, deadlineClock, todayIso } from "./deadlines";
import { type HistoryEntry, loadComplaintHistory } from "./history";
import { complaintColumns } from "./write";

const related = {
  id: complaints.id,
  reference: complaints.reference,
  summary: complaints.summary,
  channel: complaints.channel,
  status: complaints.status,
  receivedOn: complaints.receivedOn,
  outcome: complaints.outcome,
  excludedReason: complaints.excludedReason,
};

/** Everything the complaint page shows, in one call, through the redaction gate for the reader's `access`. */
export async function getComplaintDetail(
  q: Db | Tx,
  id: string,
  options: { access?: PersonalDataAccess; withHistory?: boolean; today?: string; locale?: Locale } = {},
) {
  const assignee = alias(users, "assignee");
  const creator = alias(users, "creator");
  const parent = alias(categories, "parent_category");
  const [found] = await q
    .select({
      row: complaintColumns,
      authorityName: authorities.name,
      productName: products.name,
      paymentService: sql<boolean>`coalesce(${products.paymentService}, false)`,
      categoryName: sql<
        string | null
      >`case when ${categories.id} is null then null else coalesce(${parent.name} || ' > ', '') || ${categories.name} end`,
      assigneeName: assignee.name,
      createdByName: creator.name,
      rule: deadlineRules,
    })
    .from(complaints)
    .leftJoin(authorities, eq(authorities.id, complaints.authorityId))
    .leftJoin(products, eq(products.id, complaints.productId))
    .leftJoin(categories, eq(categories.id, complaints.categoryId))
    .leftJoin(parent, eq(parent.id, categories.parentId))
    .leftJoin(assignee, eq(assignee.id, complaints.assigneeId))
    .leftJoin(creator, eq(creator.id, complaints.createdBy))
    // The deadline rule comes with the row: one round trip fewer before the rest can start.
    .leftJoin(
      deadlineRules,
      and(eq(deadlineRules.market, complaints.market), eq(deadlineRules.channel, complaints.channel)),
    )
    .where(eq(complaints.id, id));
  if (!found) return null;
  const { row, rule: foundRule, ...names } = found;
  const rule = foundRule ?? undefined;
  const access = options.access ?? "full";
  // Leadership reads no complaint at all.
  if (access === "none") return null;

  const [tags, notes, thread, family, duplicates, duplicateOf, transitions, history] = await Promise.all([
    q
      .select({
        rootCauseId: complaintRootCauses.rootCauseId,
        name: rootCauses.name,
        primary: complaintRootCauses.primary,
        note: complaintRootCauses.note,
        taggedByName: users.name,
        taggedAt: complaintRootCauses.taggedAt,
      })
      .from(complaintRootCauses)
      .innerJoin(rootCauses, eq(rootCauses.id, complaintRootCauses.rootCauseId))
      .leftJoin(users, eq(users.id, complaintRootCauses.taggedBy))
      .where(eq(complaintRootCauses.complaintId, id))
      .orderBy(desc(complaintRootCauses.primary), asc(complaintRootCauses.taggedAt)),
    q
      .select({
        id: analysisNotes.id,
        findings: analysisNotes.findings,
        whys: analysisNotes.whys,
        authorName: users.name,
        createdAt: analysisNotes.createdAt,
        updatedAt: analysisNotes.updatedAt,
      })
      .from(analysisNotes)
      .leftJoin(users, eq(users.id, analysisNotes.authorId))
      .where(eq(analysisNotes.complaintId, id))
      .orderBy(asc(analysisNotes.createdAt)),
    q
      .select({
        id: comments.id,
        body: comments.body,
        authorId: comments.authorId,
        authorName: users.name,
        createdAt: comments.createdAt,
        // Mentioned names ride along with each comment rather than costing a second round trip.
        mentions: sql<
          string[]
        >`coalesce((select array_agg(mu.name order by mu.name) from ${commentMentions} cm join ${users} mu on mu.id = cm.user_id where cm.comment_id = ${comments.id}), '{}')`,
      })
      .from(comments)
      .leftJoin(users, eq(users.id, comments.authorId))
      .where(eq(comments.complaintId, id))
      .orderBy(asc(comments.createdAt)),
    row.familyId
      ? q
          .select(related)
          .from(complaints)
          .where(and(eq(complaints.familyId, row.familyId), sql`${complaints.id} <> ${id}`))
          .orderBy(asc(complaints.receivedOn))
      : Promise.resolve([]),
    q.select(related).from(complaints).where(eq(complaints.duplicateOfId, id)).orderBy(asc(complaints.receivedOn)),
    row.duplicateOfId
      ? q.select(related).from(complaints).where(eq(complaints.id, row.duplicateOfId))
      : Promise.resolve([]),
    q
      .select({
        from: statusTransitions.fromStatus,
        to: statusTransitions.toStatus,
        at: statusTransitions.at,
        actorName: users.name,
      })
      .from(statusTransitions)
      .leftJoin(users, eq(users.id, statusTransitions.actorId))
      .where(eq(statusTransitions.complaintId, id))
      .orderBy(asc(statusTransitions.at)),
    options.withHistory === false
      ? Promise.resolve([] as HistoryEntry[])
      : loadComplaintHistory(q, id, { access, locale: options.locale }),
  ]);
  const due = complaintDueDates({ receivedOn: row.receivedOn, rule, paymentService: names.paymentService });
  const clock = deadlineClock({ ...due, ...row, today: options.today ?? todayIso() });
  const complaint = gateComplaint(access, { ...row, ...names });
  const text = (s: string) => gateText(access, s, { customerRefs: [row.customerRef] });
  return {
    complaint,
    deadlines: { ...due, ...clock, rule: rule ?? null },
    rootCauses: tags.map((t) => ({ ...t, note: t.note && text(t.note) })),
    analysisNotes: notes.map((n) => ({ ...n, findings: text(n.findings), whys: n.whys.map(text) })),
    comments: thread.map((c) => ({ ...c, body: text(c.body), mentions: c.mentions })),
    family: family.map((f) => ({ ...f, summary: text(f.summary) })),
    duplicates: duplicates.map((d) => ({ ...d, summary: text(d.summary) })),
    duplicateOf: duplicateOf[0] ? { ...duplicateOf[0], summary: text(duplicateOf[0].summary) } : null,
    transitions,
    history,
  };
}

export type ComplaintDetail = NonNullable<Awaited<ReturnType<typeof getComplaintDetail>>>;
