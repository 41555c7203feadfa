import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { rowsOf } from "@/db/rows";
import { publications, restatements } from "@/db/schema";
import type { AuditEntry } from "@/lib/audit/log";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { phraseIn, refuse } from "@/lib/i18n/say";
import { first } from "@/lib/must";
import { combine, type Figure, monthlyFigures } from "./compute";
import { addMonths, currentMonth, monthsBetween } from "./months";
import { concernIn, GUARD_WINDOW_MONTHS, type PublicationConcern, publicationConcerns } from "./publication-guard";
import { assertMarket, type Executor, getMonthCells } from "./queries";

/**
 * Publishing freezes a month's figure; the public sees only frozen figures. A later change to a
 * published month never changes it silently: an admin records a restatement with a reason.
 */

type WriteContext = { tx: Executor; actor: Actor; audit: (entry: AuditEntry | AuditEntry[]) => Promise<void> };

export type PublishedMonth = {
  market: string;
  month: string;
  complaints: number;
  purchases: number | null;
  perMillion: number | null;
};

async function currentFigure(tx: Executor, market: string, month: string): Promise<Figure> {
  return combine(await getMonthCells(market, month, month, tx));
}

/** Months from the market's first data (complaints or volume) through `through`, not yet published. */
async function unpublishedMonthsThrough(tx: Executor, market: string, through: string): Promise<string[]> {
  const [first] = rowsOf<{ month: string | null }>(
    await tx.execute(sql`
      select min(month) as month from (
        select min(month) as month from purchase_volumes where market = ${market}
        union all select min(month) from complaint_month_counts where market = ${market} and count > 0
      ) m`),
  );
  if (!first?.month || first.month > through) return [];
  const published = await tx
    .select({ month: publications.month })
    .from(publications)
    .where(and(eq(publications.market, market), sql`${publications.month} <= ${through}`));
  const done = new Set(published.map((p) => p.month));
  return monthsBetween(first.month, through).filter((m) => !done.has(m));
}

/**
 * Publishes the given months of a market, all or nothing: each must be over, have a purchase volume
 * and not be published yet.
 */
export async function publishMonths(
  ctx: WriteContext,
  market: string,
  months: string[],
  options: { confirm?: boolean } = {},
): Promise<PublishedMonth[]> {
  const { tx, actor } = ctx;
  await assertMarket(market, tx);
  const thisMonth = currentMonth();
  const notOver = months.filter((m) => m >= thisMonth);
  if (notOver.length) {
    throw new AppError("invalid", (locale) => ({
      message: phraseIn(locale, ["adminRules.metric.notOver", { months: notOver.join(", ") }]),
      details: [{ path: "month", message: phraseIn(locale, "adminRules.metric.monthNotOver") }],
    }));
  }
  const figures = await Promise.all(
    months.map(async (month) => ({ month, ...(await currentFigure(tx, market, month)) })),
  );
  const withoutVolume = figures.filter((f) => f.perMillion == null).map((f) => f.month);
  if (withoutVolume.length) {
    const months = withoutVolume.join(", ");
    throw new AppError("invalid", (locale) => ({
      message: phraseIn(locale, ["adminRules.metric.noVolumeBeforePublishing", { market, months }]),
      details: [{ path: "month", message: phraseIn(locale, ["adminRules.metric.noVolumeFor", { months }]) }],
    }));
  }
  if (figures.length === 0) return [];
  if (!options.confirm) {
    const concerns = await concernsOf(tx, market, months);
    if (concerns.length) {
      throw new AppError("conflict", (locale) => {
        const said = concerns.map((c) => concernIn(c, locale));
        return {
          message: phraseIn(locale, [
            "adminRules.metric.confirmPublish",
            { market, concerns: said.map((c) => c.message).join(" ") },
          ]),
          details: { concerns: said },
        };
      });
    }
  }
  const inserted = await tx
    .insert(publications)
    .values(
      figures.map((f) => ({
        market,
        month: f.month,
        complaints: f.complaints,
        purchases: f.purchases,
        perMillion: f.perMillion,
        publishedBy: actor.userId,
      })),
    )
    .onConflictDoNothing()
    .returning();
  if (inserted.length !== figures.length) {
    const fresh = new Set(inserted.map((p) => p.month));
    const already = figures.filter((f) => !fresh.has(f.month)).map((f) => f.month);
    throw refuse("conflict", ["adminRules.metric.alreadyPublished", { market, months: already.join(", ") }]);
  }
  const published = inserted.map((p) => ({
    market,
    month: p.month,
    complaints: p.complaints,
    purchases: p.purchases,
    perMillion: p.perMillion,
  }));
  await ctx.audit(
    inserted.map((p) => ({
      action: "metric.publish",
      entityType: "publication",
      entityId: p.id,
      after: { market, month: p.month, complaints: p.complaints, purchases: p.purchases, perMillion: p.perMillion },
    })),
  );
  return published.sort((a, b) => a.month.localeCompare(b.month));
}

/** Each month's concerns (see publicationConcerns), over the GUARD_WINDOW_MONTHS up to it. */
async function concernsOf(tx: Executor, market: string, months: string[]): Promise<PublicationConcern[]> {
  const sorted = [...months].sort();
  const [earliest] = sorted;
  const latest = sorted.at(-1);
  if (earliest === undefined || latest === undefined) return [];
  const from = addMonths(earliest, -(GUARD_WINDOW_MONTHS - 1));
  const figures = monthlyFigures(await getMonthCells(market, from, latest, tx), from, latest);
  return sorted.flatMap((month) =>
    publicationConcerns(
      figures.filter((f) => f.month > addMonths(month, -GUARD_WINDOW_MONTHS) && f.month <= month),
      month,
    ),
  );
}

export async function publishMonth(ctx: WriteContext, input: { market: string; month: string; confirm?: boolean }) {
  const [published] = await publishMonths(ctx, input.market, [input.month], input);
  return published;
}

/** Every unpublished month of the market up to and including `through` (`metric publish --through`). */
export async function publishThrough(ctx: WriteContext, input: { market: string; through: string; confirm?: boolean }) {
  await assertMarket(input.market, ctx.tx);
  const months = await unpublishedMonthsThrough(ctx.tx, input.market, input.through);
  return publishMonths(ctx, input.market, months, input);
}

export type Restatement = {
  restatedAt: string;
  reason: string;
  previousComplaints: number;
  previousPurchases: number | null;
  previousPerMillion: number | null;
};

/** Records that a published month changed: the publication takes the current figure, the old one is kept. */
export async function restateMonth(ctx: WriteContext, input: { market: string; month: string; reason: string }) {
  const { tx, actor } = ctx;
  const [publication] = await tx
    .select()
    .from(publications)
    .where(and(eq(publications.market, input.market), eq(publications.month, input.month)))
    .for("update");
  if (!publication)
    throw refuse("not_found", ["adminRules.metric.notPublished", { market: input.market, month: input.month }]);
  const current = await currentFigure(tx, input.market, input.month);
  if (current.complaints === publication.complaints && current.purchases === publication.purchases) {
    throw refuse("conflict", ["adminRules.metric.nothingToRestate", { market: input.market, month: input.month }]);
  }
  const restatement = first(
    await tx
      .insert(restatements)
      .values({
        publicationId: publication.id,
        previousComplaints: publication.complaints,
        previousPurchases: publication.purchases,
        previousPerMillion: publication.perMillion,
        complaints: current.complaints,
        purchases: current.purchases,
        perMillion: current.perMillion,
        reason: input.reason,
        restatedBy: actor.userId,
      })
      .returning(),
    "inserted restatements",
  );
  await tx
    .update(publications)
    .set({ complaints: current.complaints, purchases: current.purchases, perMillion: current.perMillion })
    .where(eq(publications.id, publication.id));
  const frozen = (f: { complaints: number; purchases: number | null; perMillion: number | null }) => ({
    market: input.market,
    month: input.month,
    complaints: f.complaints,
    purchases: f.purchases,
    perMillion: f.perMillion,
  });
  await ctx.audit({
    action: "metric.restate",
    entityType: "publication",
    entityId: publication.id,
    before: frozen(publication),
    after: frozen(current),
    meta: { reason: input.reason, restatementId: restatement.id },
  });
  return { ...frozen(current), restatementId: restatement.id };
}

export type PublicationRow = {
  month: string;
  published: (PublishedMonth & { publishedAt: string }) | null;
  current: Figure;
  /** Published and no longer equal to the current figure: needs a restatement. */
  differs: boolean;
  restatements: Restatement[];
};

/** Admin review: every month with data, published vs current, newest first. */
export async function getPublicationReview(market: string, tx: Executor): Promise<PublicationRow[]> {
  const [published, cells] = await Promise.all([
    tx.select().from(publications).where(eq(publications.market, market)).orderBy(asc(publications.month)),
    getMonthCells(market, "0000-01", "9999-12", tx),
  ]);
  const history = await restatementsOf(
    tx,
    published.map((p) => p.id),
  );
  const byMonth = new Map(published.map((p) => [p.month, p]));
  const months = [...new Set([...cells.map((c) => c.month), ...published.map((p) => p.month)])].sort().reverse();
  return months.map((month) => {
    const p = byMonth.get(month);
    const current = combine(cells.filter((c) => c.month === month));
    return {
      month,
      published: p
        ? {
            market,
            month,
            complaints: p.complaints,
            purchases: p.purchases,
            perMillion: p.perMillion,
            publishedAt: p.publishedAt.toISOString(),
          }
        : null,
      current,
      differs: !!p && (p.complaints !== current.complaints || p.purchases !== current.purchases),
      restatements: p ? (history.get(p.id) ?? []) : [],
    };
  });
}

/** Restatements per publication id, oldest first. */
export async function restatementsOf(tx: Executor, publicationIds: string[]): Promise<Map<string, Restatement[]>> {
  const map = new Map<string, Restatement[]>();
  if (publicationIds.length === 0) return map;
  const rows = await tx
    .select()
    .from(restatements)
    .where(inArray(restatements.publicationId, publicationIds))
    .orderBy(asc(restatements.restatedAt));
  for (const r of rows) {
    const list = map.get(r.publicationId) ?? [];
    list.push({
      restatedAt: r.restatedAt.toISOString(),
      reason: r.reason,
      previousComplaints: r.previousComplaints,
      previousPurchases: r.previousPurchases,
      previousPerMillion: r.previousPerMillion,
    });
    map.set(r.publicationId, list);
  }
  return map;
}
