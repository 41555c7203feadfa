import {
  analysisNotes,
  comments,
  complaintFamilies,
  complaintRootCauses,
  complaints,
  statusTransitions,
} from "@/db/schema";
import { allocateReferences } from "@/lib/complaints/reference";
import { must } from "@/lib/must";
import { planComplaints } from "./complaints-plan";
import { BATCH_SIZE, insertInBatches, need, type SeedStep } from "./context";
import { shiftDate, shiftTime } from "./dates";
import { playLifecycle } from "./lifecycle";
import { createRng } from "./random";

/** Complaints of the demo's 24 months with families, exclusions, status trails, root-cause tags, analysis notes and comments. */
export const complaintsStep: SeedStep = {
  name: "complaints",
  async run(ctx) {
    const { tx } = ctx;
    const reference = need(ctx.reference, "reference data");
    const users = need(ctx.users, "users");
    const { offset, canonicalNow } = ctx.calendar;
    // Planned and played on the canonical timeline, written moved to the demo's months.
    const day = (date: string) => shiftDate(date, offset);
    const at = <T extends Date | null>(moment: T): T => (moment && shiftTime(moment, offset)) as T;
    const rng = createRng("demo:complaints");
    const plan = planComplaints(rng, need(ctx.volumes, "purchase volumes"), offset);
    const lives = new Map(plan.complaints.map((c) => [c.id, playLifecycle(rng, c, canonicalNow)]));
    const lifeOf = (id: string) => lives.get(id)!;

    // A family is recorded when its second member is linked.
    const familyCreated = new Map<string, { at: Date; by: string }>();
    for (const c of plan.complaints) {
      if (!c.familyFollowUp || !c.familyId || familyCreated.has(c.familyId)) continue;
      const life = lifeOf(c.id);
      familyCreated.set(c.familyId, { at: at(life.createdAt), by: users[life.creator] });
    }
    await insertInBatches(
      tx,
      complaintFamilies,
      plan.families.map((f) => ({
        id: f.id,
        note: f.note,
        createdBy: familyCreated.get(f.id)?.by ?? null,
        createdAt: familyCreated.get(f.id)?.at,
      })),
    );

    for (let i = 0; i < plan.complaints.length; i += BATCH_SIZE) {
      const batch = plan.complaints.slice(i, i + BATCH_SIZE);
      const references = await allocateReferences(
        tx,
        batch.map((c) => day(c.receivedOn)),
      );
      await tx.insert(complaints).values(
        batch.map((c, j) => {
          const life = lifeOf(c.id);
          return {
            id: c.id,
            reference: must(references[j], "a reference per complaint"),
            source: "default",
            externalId: c.externalId,
            receivedOn: day(c.receivedOn),
            market: c.market,
            channel: c.channel,
            authorityId:
              c.channel === "customer_service" ? null : reference.authorities.get(`${c.market}:${c.channel}`)!,
            productId: c.product ? reference.products.get(c.product)! : null,
            journeyStage: c.journeyStage,
            categoryId: c.category ? reference.categories.get(c.category)! : null,
            summary: c.summary,
            narrative: c.narrative,
            customerRef: c.customerRef,
            appUser: c.appUser,
            severity: life.severity,
            status: life.status,
            assigneeId: life.assignee ? users[life.assignee] : null,
            outcome: life.outcome,
            recommendationFollowed: life.recommendationFollowed,
            excludedReason: c.excludedReason,
            duplicateOfId: c.duplicateOf,
            familyId: c.familyId,
            acknowledgedAt: at(life.acknowledgedAt),
            respondedAt: at(life.respondedAt),
            version: life.version,
            createdBy: users[life.creator],
            createdAt: at(life.createdAt),
            updatedAt: at(life.updatedAt),
          };
        }),
      );
    }

    const all = plan.complaints.map((c) => ({ c, life: lifeOf(c.id) }));
    const transitionRows = all.flatMap(({ c, life }) =>
      life.transitions.map((t) => ({
        complaintId: c.id,
        fromStatus: t.from,
        toStatus: t.to,
        actorId: users[t.by],
        note: t.note,
        at: at(t.at),
      })),
    );
    await insertInBatches(tx, statusTransitions, transitionRows);
    const tagRows = all.flatMap(({ c, life }) =>
      life.tags.map((t) => ({
        complaintId: c.id,
        rootCauseId: reference.rootCauses.get(t.rootCause)!,
        primary: t.primary,
        note: t.note,
        taggedBy: users[t.by],
        taggedAt: at(t.at),
      })),
    );
    await insertInBatches(tx, complaintRootCauses, tagRows);
    const noteRows = all.flatMap(({ c, life }) =>
      life.analysis
        ? [
            {
              complaintId: c.id,
              authorId: users[life.analysis.by],
              findings: life.analysis.findings,
              whys: life.analysis.whys,
              createdAt: at(life.analysis.at),
              updatedAt: at(life.analysis.at),
            },
          ]
        : [],
    );
    await insertInBatches(tx, analysisNotes, noteRows);
    const commentRows = all.flatMap(({ c, life }) =>
      life.comments.map((m) => ({ complaintId: c.id, authorId: users[m.by], body: m.body, createdAt: at(m.at) })),
    );
    await insertInBatches(tx, comments, commentRows);

    ctx.complaints = all.map(({ c, life }) => ({
      id: c.id,
      market: c.market,
      receivedOn: c.receivedOn,
      scenario: c.scenario,
      primaryRootCause: life.tags.find((t) => t.primary)?.rootCause ?? null,
      excluded: c.excludedReason !== null,
    }));
    const excluded = plan.complaints.filter((c) => c.excludedReason !== null).length;
    Object.assign(ctx.summary, {
      complaints: plan.complaints.length,
      excludedComplaints: excluded,
      complaintFamilies: plan.families.length,
      statusTransitions: transitionRows.length,
      rootCauseTags: tagRows.length,
      analysisNotes: noteRows.length,
      comments: commentRows.length,
    });
    ctx.log(`complaints: ${plan.complaints.length} (${excluded} excluded), ${plan.families.length} families`);
  },
};
