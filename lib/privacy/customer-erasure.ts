import { sql } from "drizzle-orm";
import { type Db, db, type Tx } from "@/db";
import { rowsOf } from "@/db/rows";
import { writeAudit } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/roles";
import { AppError, forbidden } from "@/lib/errors";
import { DEFAULT_LOCALE } from "@/lib/i18n/locales";
import { phraseIn } from "@/lib/i18n/say";
import { fieldErrorsOf, parseIn } from "@/lib/validation";
import { clearStoredUploads, erasePersonalData } from "./erase";
import { redactText } from "./redact";
import { type CustomerErasureInput, customerErasureSchema } from "./validations";

export type CoveredComplaint = {
  id: string;
  reference: string;
  externalId: string;
  receivedOn: string;
  status: string;
};
export type CustomerErasure = {
  dryRun: boolean;
  complaints: CoveredComplaint[];
  erased: number;
  uploadsCleared: number;
};

/** The complaints a customer reference covers, oldest first: what an erasure would erase. */
export async function complaintsOfCustomer(q: Db | Tx, customerRef: string): Promise<CoveredComplaint[]> {
  return rowsOf<{ id: string; reference: string; external_id: string; received_on: string; status: string }>(
    await q.execute(sql`
      select id::text, reference, external_id, received_on::text, status::text from complaints
      where customer_ref = ${customerRef} order by received_on, reference`),
  ).map((r) => ({
    id: r.id,
    reference: r.reference,
    externalId: r.external_id,
    receivedOn: r.received_on,
    status: r.status,
  }));
}

/**
 * Erases everything a customer's request covers: every complaint carrying their customer reference
 * goes through the same erasure as retention (lib/privacy/erase.ts), in one transaction, and the
 * stored uploads naming them are dropped. The run is audited by the complaints' references, never by
 * the customer reference itself (that would keep the very data erased). Admins only.
 */
export async function eraseCustomer(actor: Actor, input: CustomerErasureInput): Promise<CustomerErasure> {
  if (!can(actor.role, "admin:manage")) throw forbidden();
  const parsed = parseIn(customerErasureSchema, input, actor.locale ?? DEFAULT_LOCALE);
  if (!parsed.success) {
    // Each reader's field messages come from a parse in their language.
    throw new AppError("invalid", (locale) => ({
      message: phraseIn(locale, "adminRules.privacy.invalidRequest"),
      details: fieldErrorsOf(parseIn(customerErasureSchema, input, locale).error ?? parsed.error),
    }));
  }
  const { customerRef, dryRun, reason } = parsed.data;
  const run = await db.transaction(async (tx) => {
    const covered = await complaintsOfCustomer(tx, customerRef);
    if (dryRun || covered.length === 0) return { dryRun, complaints: covered, erased: 0, uploadsCleared: 0 };
    const ids = covered.map((c) => c.id);
    const erased = await erasePersonalData(tx, ids);
    const uploadsCleared = await clearStoredUploads(tx, [customerRef, ...covered.map((c) => c.externalId)]);
    return { dryRun, complaints: covered, erased, uploadsCleared };
  });
  await writeAudit(db, actor, {
    action: dryRun ? "privacy.erasure.dry_run" : "privacy.erasure",
    entityType: "privacy_erasure",
    after: {
      complaints: run.complaints.map((c) => c.reference),
      erased: run.erased,
      uploadsCleared: run.uploadsCleared,
      reason: reason ? redactText(reason, { customerRefs: [customerRef] }) : null,
    },
  });
  return run;
}
