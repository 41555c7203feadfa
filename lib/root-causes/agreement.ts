import { and, eq, inArray, sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { agreementCodings, agreementSampleComplaints, agreementSamples, rootCauses, users } from "@/db/schema";
import { can } from "@/lib/auth/roles";
import { refuse } from "@/lib/i18n/say";
import { monthRange } from "@/lib/metric/months";
import { first } from "@/lib/must";
import { defineOperation } from "@/lib/operations";
import { createSampleSchema, saveCodingSchema } from "./agreement-validations";

/**
 * Draws a random sample of counted (not excluded) complaints for two reviewers to code independently.
 * Both coders must be able to tag complaints.
 */
export const createAgreementSample = defineOperation({
  name: "root-causes.createAgreementSample",
  permission: "complaints:write",
  input: createSampleSchema,
  work: async ({ tx, input, actor, audit }) => {
    const coders = await tx
      .select({ id: users.id, role: users.role, active: users.active })
      .from(users)
      .where(inArray(users.id, [input.coderA, input.coderB]));
    for (const field of ["coderA", "coderB"] as const) {
      const coder = coders.find((c) => c.id === input[field]);
      if (!coder || !coder.active || !can(coder.role, "complaints:write")) {
        throw refuse("invalid", "rootCauseRules.codersInactive", { [field]: "rootCauseRules.chooseActiveCoder" });
      }
    }
    const filters = [sql`c.excluded_reason is null`];
    if (input.market) filters.push(sql`c.market = ${input.market}`);
    if (input.from) filters.push(sql`c.received_on >= ${monthRange(input.from, input.from).start}::date`);
    if (input.to) filters.push(sql`c.received_on < ${monthRange(input.to, input.to).end}::date`);
    const picked = rowsOf<{ id: string }>(
      await tx.execute(
        sql`select c.id::text from complaints c where ${sql.join(filters, sql` and `)} order by random() limit ${input.size}`,
      ),
    );
    if (picked.length === 0)
      throw refuse("invalid", "rootCauseRules.noComplaintMatches", { market: "rootCauseRules.noCountedComplaint" });
    const sample = first(
      await tx
        .insert(agreementSamples)
        .values({ name: input.name, coderA: input.coderA, coderB: input.coderB, createdBy: actor.userId })
        .returning(),
      "inserted agreement samples",
    );
    await tx
      .insert(agreementSampleComplaints)
      .values(picked.map((p, i) => ({ sampleId: sample.id, complaintId: p.id, position: i + 1 })));
    await audit({
      action: "agreement.sample.create",
      entityType: "agreement_sample",
      entityId: sample.id,
      after: { ...input, drawn: picked.length },
    });
    return { id: sample.id, size: picked.length };
  },
});

/** A coder's code for one complaint of their sample: the primary root cause they see, or none. */
export const saveAgreementCoding = defineOperation({
  name: "root-causes.saveAgreementCoding",
  permission: "complaints:write",
  input: saveCodingSchema,
  work: async ({ tx, input, actor, audit }) => {
    const [sample] = await tx.select().from(agreementSamples).where(eq(agreementSamples.id, input.sampleId));
    if (!sample) throw refuse("not_found", "rootCauseRules.sampleNotFound");
    if (actor.userId !== sample.coderA && actor.userId !== sample.coderB)
      throw refuse("forbidden", "rootCauseRules.onlyCoders");
    const [member] = await tx
      .select()
      .from(agreementSampleComplaints)
      .where(
        and(
          eq(agreementSampleComplaints.sampleId, sample.id),
          eq(agreementSampleComplaints.complaintId, input.complaintId),
        ),
      );
    if (!member)
      throw refuse("invalid", "rootCauseRules.notInSample", { complaintId: "rootCauseRules.notInSampleField" });
    const { coded } = first(
      rowsOf<{ coded: number }>(
        await tx.execute(
          sql`select count(*)::int as coded from agreement_codings where sample_id = ${sample.id} and coder_id in (${sample.coderA}, ${sample.coderB})`,
        ),
      ),
      "count",
    );
    const { size } = first(
      rowsOf<{ size: number }>(
        await tx.execute(
          sql`select count(*)::int as size from agreement_sample_complaints where sample_id = ${sample.id}`,
        ),
      ),
      "count",
    );
    // Once both have coded everything, each has seen the other's codes: changing one would bias the result.
    if (Number(coded) >= 2 * Number(size)) throw refuse("conflict", "rootCauseRules.codesFinal");
    if (input.rootCauseId) {
      const [cause] = await tx
        .select({ id: rootCauses.id })
        .from(rootCauses)
        .where(eq(rootCauses.id, input.rootCauseId));
      if (!cause)
        throw refuse("invalid", "complaintRules.rootCauseUnknown", { rootCauseId: "complaintRules.rootCauseFromList" });
    }
    await tx
      .insert(agreementCodings)
      .values({
        sampleId: sample.id,
        complaintId: input.complaintId,
        coderId: actor.userId!,
        rootCauseId: input.rootCauseId,
      })
      .onConflictDoUpdate({
        target: [agreementCodings.sampleId, agreementCodings.complaintId, agreementCodings.coderId],
        set: { rootCauseId: input.rootCauseId, codedAt: new Date() },
      });
    await audit({
      action: "agreement.code",
      entityType: "agreement_sample",
      entityId: sample.id,
      after: { complaintId: input.complaintId, rootCauseId: input.rootCauseId },
    });
    return { position: member.position };
  },
});
