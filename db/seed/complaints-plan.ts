import { randomUUID } from "node:crypto";
import type { Channel, JourneyStage, Severity } from "@/db/schema";
import { must } from "@/lib/must";
import type { MarketCode } from "./context";
import { addDays, daysBetween, daysInMonth, isWeekend } from "./dates";
import type { Rng } from "./random";
import type { CategoryPath, ProductName } from "./reference";
import { COMPLAINT_SEASON, SCENARIO_KEYS, SCENARIOS, type ScenarioKey, scenarioRate } from "./scenarios";
import { writeComplaintText, writeSpecialText } from "./texts";
import { DEMO_MONTHS, DEMO_YEARS } from "./volumes";

export type PlannedExclusion = "duplicate" | "not_a_complaint" | "test";

/** One complaint as drawn, before its lifecycle (status, tags, notes) is played out. */
export type PlannedComplaint = {
  id: string;
  externalId: string;
  receivedOn: string;
  market: MarketCode;
  channel: Channel;
  scenario: ScenarioKey | null;
  category: CategoryPath | null;
  product: ProductName | null;
  journeyStage: JourneyStage | null;
  severity: Severity;
  customerRef: string | null;
  appUser: boolean | null;
  excludedReason: PlannedExclusion | null;
  duplicateOf: string | null;
  familyId: string | null;
  /** A later member of its family: it escalated an earlier complaint. */
  familyFollowUp: boolean;
  /** An earlier member of its family: the customer took it further. */
  escalated: boolean;
  summary: string;
  narrative: string;
};

export type ComplaintPlan = { complaints: PlannedComplaint[]; families: { id: string; note: string }[] };

const SHARE_WITH_PERSONAL_DATA = 0.18;
const DUPLICATE_SHARE = 0.015;
const QUESTION_SHARE = 0.01;
const TEST_SHARE = 0.002;

/**
 * Draws every demo complaint from the purchase volumes: per market and month, the count follows the
 * scenario rates (complaints per million purchases) with seasonality and noise, so the published
 * figure comes out near 40 for Sweden in 2018 and falls in 2019 after the rename and 24/7 service.
 */
export function planComplaints(rng: Rng, volumes: Map<string, number>, monthOffset = 0): ComplaintPlan {
  const refs = customerRefs(rng);
  const drawn: PlannedComplaint[] = [];
  for (const market of ["SE", "NO"] as const) {
    for (const year of DEMO_YEARS) {
      const months = DEMO_MONTHS.filter((m) => m.startsWith(String(year)));
      const season = normalisedSeason(months.map((m) => volumes.get(`${market}:${m}`) ?? 0));
      months.forEach((month, i) => {
        const purchases = volumes.get(`${market}:${month}`) ?? 0;
        const rates = SCENARIO_KEYS.map((key) => [key, scenarioRate(key, market, month)] as const);
        const perMillion = rates.reduce((sum, [, r]) => sum + r, 0) * must(season[i], "a season factor per month");
        const noise = Math.min(1.12, Math.max(0.88, rng.normal(1, 0.05)));
        const count = Math.round((purchases / 1e6) * perMillion * noise);
        for (let n = 0; n < count; n++) {
          drawn.push(drawComplaint(rng, market, month, rng.weighted(rates), refs));
        }
      });
    }
  }
  const families = linkFamilies(rng, drawn);
  for (const c of drawn) {
    Object.assign(
      c,
      writeComplaintText(rng, {
        ...c,
        scenario: c.scenario!,
        monthOffset,
        withPersonalData: rng.chance(SHARE_WITH_PERSONAL_DATA),
      }),
    );
  }
  const complaints = [...drawn, ...drawExclusions(rng, drawn, refs, monthOffset)];
  // References and external ids follow the order complaints arrived in.
  const order = new Map(complaints.map((c, i) => [c.id, i]));
  complaints.sort((a, b) => a.receivedOn.localeCompare(b.receivedOn) || order.get(a.id)! - order.get(b.id)!);
  complaints.forEach((c, i) => {
    c.externalId = `DEMO-${String(i + 1).padStart(6, "0")}`;
  });
  return { complaints, families };
}

/** Scales the month factors so that, weighted by purchases, the year averages exactly 1. */
function normalisedSeason(purchases: number[]): number[] {
  const total = purchases.reduce((a, b) => a + b, 0);
  const weighted =
    purchases.reduce((sum, p, i) => sum + p * must(COMPLAINT_SEASON[i], "a season factor per month"), 0) / (total || 1);
  return COMPLAINT_SEASON.map((f) => f / (weighted || 1));
}

function customerRefs(rng: Rng): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const ref = `CUST-${rng.int(100000, 999999)}`;
      if (!used.has(ref)) {
        used.add(ref);
        return ref;
      }
    }
  };
}

function drawDay(rng: Rng, month: string): string {
  // Fewer complaints arrive at weekends.
  for (;;) {
    const day = `${month}-${String(rng.int(1, daysInMonth(month))).padStart(2, "0")}`;
    if (!isWeekend(day) || rng.chance(0.55)) return day;
  }
}

function drawComplaint(
  rng: Rng,
  market: MarketCode,
  month: string,
  key: ScenarioKey,
  nextRef: () => string,
): PlannedComplaint {
  const scenario = SCENARIOS[key];
  const channel = rng.weighted(scenario.channels);
  const onAuthority = channel !== "customer_service";
  // App users miss half as many payments: among missed-payment complaints they are a third, elsewhere a half.
  const appKnown = rng.chance(key === "missed_due_date" ? 0.75 : 0.7);
  const appUser = appKnown ? rng.chance(key === "missed_due_date" ? 1 / 3 : 0.5) : null;
  return {
    id: randomUUID(),
    externalId: "",
    receivedOn: drawDay(rng, month),
    market,
    channel,
    scenario: key,
    category: rng.weighted(scenario.categories),
    product: rng.weighted(scenario.products),
    journeyStage: rng.weighted(scenario.stages),
    severity: rng.weighted<Severity>(
      onAuthority
        ? [
            ["low", 0.05],
            ["medium", 0.4],
            ["high", 0.4],
            ["critical", 0.15],
          ]
        : [
            ["low", 0.3],
            ["medium", 0.45],
            ["high", 0.2],
            ["critical", 0.05],
          ],
    ),
    customerRef: nextRef(),
    appUser,
    excludedReason: null,
    duplicateOf: null,
    familyId: null,
    familyFollowUp: false,
    escalated: false,
    summary: "",
    narrative: "",
  };
}

/**
 * Turns some authority complaints into later members of a customer's earlier complaint: customer
 * service, then the consumer agency, then the disputes board, sharing one family and customer.
 */
function linkFamilies(rng: Rng, complaints: PlannedComplaint[]): { id: string; note: string }[] {
  const byDate = [...complaints].sort((a, b) => a.receivedOn.localeCompare(b.receivedOn));
  const families: { id: string; note: string; members: PlannedComplaint[] }[] = [];
  const free = (c: PlannedComplaint) => c.familyId === null;
  const within = (earlier: PlannedComplaint, later: PlannedComplaint, min: number, max: number) => {
    const gap = daysBetween(earlier.receivedOn, later.receivedOn);
    return earlier.market === later.market && gap >= min && gap <= max;
  };
  const join = (family: (typeof families)[number], later: PlannedComplaint) => {
    const first = must(family.members[0], "a family starts with a member");
    Object.assign(later, {
      familyId: family.id,
      familyFollowUp: true,
      scenario: first.scenario,
      category: first.category,
      product: first.product,
      journeyStage: first.journeyStage,
      customerRef: first.customerRef,
      appUser: first.appUser,
    });
    for (const member of family.members) member.escalated = true;
    family.members.push(later);
  };
  const start = (first: PlannedComplaint, note: string) => {
    const family = { id: randomUUID(), note, members: [first] };
    first.familyId = family.id;
    families.push(family);
    return family;
  };

  for (const agency of byDate.filter((c) => c.channel === "consumer_agency" && free(c))) {
    if (!rng.chance(0.45)) continue;
    const candidates = byDate.filter(
      (c) => c.channel === "customer_service" && free(c) && c.scenario === agency.scenario && within(c, agency, 10, 75),
    );
    if (candidates.length === 0) continue;
    join(start(rng.pick(candidates), "Customer service, then the consumer agency"), agency);
  }
  for (const board of byDate.filter((c) => c.channel === "disputes_board" && free(c))) {
    const open = families.filter((f) => {
      const [, second] = f.members;
      return (
        f.members.length === 2 &&
        second !== undefined &&
        second.channel === "consumer_agency" &&
        within(second, board, 20, 150)
      );
    });
    if (open.length > 0 && rng.chance(0.7)) {
      const family = rng.pick(open);
      family.note = "Customer service, then the consumer agency, then the disputes board";
      join(family, board);
      continue;
    }
    const candidates = byDate.filter((c) => c.channel === "customer_service" && free(c) && within(c, board, 20, 120));
    if (candidates.length > 0 && rng.chance(0.4)) {
      join(start(rng.pick(candidates), "Customer service, then the disputes board"), board);
    }
  }
  return families.map(({ id, note }) => ({ id, note }));
}

/** Entries that do not count in the metric: the same complaint entered twice, questions, test entries. */
function drawExclusions(
  rng: Rng,
  counted: PlannedComplaint[],
  nextRef: () => string,
  monthOffset: number,
): PlannedComplaint[] {
  const extra: PlannedComplaint[] = [];
  for (const original of counted) {
    if (original.channel === "customer_service" && rng.chance(DUPLICATE_SHARE)) {
      // Entered again the same or the next day, within the month so the duplicate sits beside its original.
      const nextDay = addDays(original.receivedOn, 1);
      const receivedOn =
        rng.chance(0.5) && nextDay.slice(0, 7) === original.receivedOn.slice(0, 7) ? nextDay : original.receivedOn;
      extra.push({
        ...original,
        id: randomUUID(),
        receivedOn,
        excludedReason: "duplicate",
        duplicateOf: original.id,
        familyId: null,
        familyFollowUp: false,
        escalated: false,
      });
    }
    for (const kind of ["not_a_complaint", "test"] as const) {
      if (!rng.chance(kind === "test" ? TEST_SHARE : QUESTION_SHARE)) continue;
      const text = writeSpecialText(
        rng,
        { market: original.market, receivedOn: original.receivedOn, monthOffset },
        kind === "test" ? "test" : "question",
      );
      extra.push({
        ...original,
        ...text,
        id: randomUUID(),
        channel: "customer_service",
        scenario: null,
        category: null,
        product: kind === "test" ? null : original.product,
        journeyStage: kind === "test" ? null : "after_purchase",
        severity: "low",
        customerRef: kind === "test" ? null : nextRef(),
        appUser: null,
        excludedReason: kind,
        duplicateOf: null,
        familyId: null,
        familyFollowUp: false,
        escalated: false,
      });
    }
  }
  return extra;
}
