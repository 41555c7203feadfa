import { randomUUID } from "node:crypto";
import {
  effectivenessChecks,
  type RemediationStatus,
  remediationActions,
  remediationEvidence,
  remediationRootCauses,
} from "@/db/schema";
import { must } from "@/lib/must";
import { computeEffectiveness } from "@/lib/remediation/checks";
import { DEFAULT_CHECK_MONTHS } from "@/lib/remediation/validations";
import { storedVerdict } from "@/lib/remediation/verdict";
import { insertInBatches, type MarketCode, need, type SeedStep } from "./context";
import { shiftDate } from "./dates";
import { createRng, type Rng } from "./random";
import type { ProductName, RootCauseName } from "./reference";
import { AROUND_THE_CLOCK_SHIPPED, RENAME_SHIPPED } from "./scenarios";
import type { DemoUserKey } from "./users";

type PlannedAction = {
  title: string;
  description: string;
  notes: string | null;
  owner: DemoUserKey;
  status: RemediationStatus;
  market: MarketCode | null;
  product: ProductName | null;
  rootCauses: RootCauseName[];
  createdOn: string;
  dueOn: string | null;
  shippedOn: string | null;
  /** Status changes so far, for the optimistic-locking version. */
  changes: number;
};

// The pilot's findings from the press release, plus one idea still waiting for a decision.
const ACTIONS: PlannedAction[] = [
  {
    title: "Rename Klarna konto to Klarna delbetalningskonto",
    description:
      'Customers read "Klarna konto" as a bank account and did not realise they had taken credit. The new name says what the product is.',
    notes: "Checkout, app, statements and terms renamed. Old name kept as an alias so imports still match.",
    owner: "pm",
    status: "shipped",
    market: "SE",
    product: "Klarna delbetalningskonto",
    rootCauses: ["Unclear product name"],
    createdOn: "2019-01-21",
    dueOn: "2019-03-01",
    shippedOn: RENAME_SHIPPED,
    changes: 3,
  },
  {
    title: "Automatic invoice payment (autogiro)",
    description:
      "Let customers pay invoices automatically from their bank account on the due date, so a due date can no longer be missed.",
    notes:
      "Bank integration in test. App users already miss half as many payments; autogiro should close the rest of the gap.",
    owner: "pm",
    status: "in_progress",
    market: "SE",
    product: "Faktura",
    rootCauses: ["Missed due date"],
    createdOn: "2019-04-08",
    dueOn: "2019-09-30",
    shippedOn: null,
    changes: 2,
  },
  {
    title: "Customer service open around the clock",
    description:
      "Staff phone and chat around the clock, so customers can get help when the problem happens, not only in office hours.",
    notes: null,
    owner: "admin",
    status: "shipped",
    market: "SE",
    product: null,
    rootCauses: ["Service not reachable"],
    createdOn: "2018-10-15",
    dueOn: "2019-01-15",
    shippedOn: AROUND_THE_CLOCK_SHIPPED,
    changes: 3,
  },
  {
    title: "Explain declined credit decisions in plain language",
    description:
      "Show the main reason for a declined or lowered credit decision in the checkout and the app, with what the customer can do.",
    notes: null,
    owner: "pm",
    status: "proposed",
    market: null,
    product: null,
    rootCauses: ["Credit decision not explained"],
    createdOn: "2019-11-12",
    dueOn: null,
    shippedOn: null,
    changes: 0,
  },
];

const EVIDENCE_PER_ACTION = 12;

/** Remediation actions with their root causes and evidence complaints (tagged, counted, before shipping). */
export const remediationStep: SeedStep = {
  name: "remediation",
  async run(ctx) {
    const reference = need(ctx.reference, "reference data");
    const users = need(ctx.users, "users");
    const seeded = need(ctx.complaints, "complaints");
    const rng = createRng("demo:remediation");
    const day = <T extends string | null>(date: T): T => (date && shiftDate(date, ctx.calendar.offset)) as T;
    const rows = ACTIONS.map((a) => ({
      id: randomUUID(),
      title: a.title,
      description: a.description,
      notes: a.notes,
      ownerId: users[a.owner],
      status: a.status,
      market: a.market,
      productId: a.product ? reference.products.get(a.product)! : null,
      dueOn: day(a.dueOn),
      shippedOn: day(a.shippedOn),
      version: 1 + a.changes,
      createdBy: users.reviewer,
      createdAt: new Date(`${day(a.createdOn)}T09:00:00Z`),
      updatedAt: new Date(`${day(a.shippedOn ?? a.createdOn)}T15:00:00Z`),
    }));
    await insertInBatches(ctx.tx, remediationActions, rows);
    await insertInBatches(
      ctx.tx,
      remediationRootCauses,
      ACTIONS.flatMap((a, i) =>
        a.rootCauses.map((r) => ({
          actionId: must(rows[i], "a row per action").id,
          rootCauseId: reference.rootCauses.get(r)!,
        })),
      ),
    );
    const evidence = ACTIONS.flatMap((a, i) => {
      const candidates = seeded.filter(
        (c) =>
          !c.excluded &&
          c.primaryRootCause !== null &&
          a.rootCauses.includes(c.primaryRootCause) &&
          (a.market === null || c.market === a.market) &&
          c.receivedOn < a.createdOn,
      );
      return pickDistinct(rng, candidates, EVIDENCE_PER_ACTION).map((c) => ({
        actionId: must(rows[i], "a row per action").id,
        complaintId: c.id,
      }));
    });
    await insertInBatches(ctx.tx, remediationEvidence, evidence);
    // The shipped actions' effectiveness checks, computed from the demo's own complaints and volumes by
    // the product's check (the owner ran it on shipping day + the after window), as a user would.
    const checks = [];
    for (const [i, a] of ACTIONS.entries()) {
      const row = must(rows[i], "a row per action");
      if (!row.shippedOn) continue;
      const result = await computeEffectiveness(ctx.tx, {
        market: row.market,
        productId: row.productId,
        rootCauseIds: a.rootCauses.map((r) => must(reference.rootCauses.get(r), `root cause ${r}`)),
        shippedOn: row.shippedOn,
        months: DEFAULT_CHECK_MONTHS,
      });
      if (!result.after) continue;
      checks.push({
        actionId: row.id,
        beforeFrom: result.before.from,
        beforeTo: result.before.to,
        afterFrom: result.after.from,
        afterTo: result.after.to,
        beforeComplaints: result.beforeTotals.complaints,
        beforePurchases: result.beforeTotals.purchases,
        afterComplaints: result.afterTotals.complaints,
        afterPurchases: result.afterTotals.purchases,
        rateBefore: result.rateBefore,
        rateAfter: result.rateAfter,
        rateRatio: result.rateRatio,
        ciLow: result.ciLow,
        ciHigh: result.ciHigh,
        verdict: storedVerdict(result.said),
        computedBy: users[a.owner],
      });
    }
    if (checks.length) await ctx.tx.insert(effectivenessChecks).values(checks);
    ctx.summary.remediationActions = rows.length;
    ctx.summary.remediationEvidence = evidence.length;
    ctx.log(`remediation: ${rows.length} actions, ${evidence.length} evidence links, ${checks.length} checks`);
  },
};

function pickDistinct<T>(rng: Rng, items: T[], count: number): T[] {
  const pool = [...items];
  const picked: T[] = [];
  while (picked.length < count && pool.length > 0) {
    picked.push(...pool.splice(rng.int(0, pool.length - 1), 1));
  }
  return picked;
}
