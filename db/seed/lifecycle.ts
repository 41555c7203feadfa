import type { ComplaintStatus, Outcome, Severity } from "@/db/schema";
import { ANALYSES, COMMENTS, EXCLUSION_NOTES, TAG_NOTES } from "./analysis-texts";
import type { PlannedComplaint } from "./complaints-plan";
import { addDays, addHours, atOfficeHour } from "./dates";
import type { Rng } from "./random";
import { ROOT_CAUSES, type RootCauseName } from "./reference";
import { SCENARIOS } from "./scenarios";
import type { DemoUserKey } from "./users";

type Reviewer = "reviewer" | "reviewer2";

export type Lifecycle = {
  status: ComplaintStatus;
  creator: Reviewer;
  assignee: Reviewer | null;
  severity: Severity | null;
  outcome: Outcome | null;
  recommendationFollowed: boolean | null;
  createdAt: Date;
  acknowledgedAt: Date | null;
  respondedAt: Date | null;
  updatedAt: Date;
  version: number;
  transitions: { from: ComplaintStatus | null; to: ComplaintStatus; at: Date; by: Reviewer; note: string | null }[];
  tags: { rootCause: RootCauseName; primary: boolean; by: Reviewer; at: Date; note: string | null }[];
  analysis: { findings: string; whys: string[]; by: Reviewer; at: Date } | null;
  comments: { body: string; by: DemoUserKey; at: Date }[];
};

const STALLED_SHARE = 0.03;
const REOPENED_SHARE = 0.02;

/**
 * Plays one complaint through the workflow (new → triaged → in_analysis → analysed → closed, sometimes
 * reopened) and stops at the demo's "today" (`until`, canonical), so old complaints are mostly closed and
 * recent ones open.
 */
export function playLifecycle(rng: Rng, c: PlannedComplaint, until: Date): Lifecycle {
  const reviewer = (): Reviewer => (rng.chance(0.55) ? "reviewer" : "reviewer2");
  const creator = reviewer();
  const assignee = reviewer();
  const onAuthority = c.channel !== "customer_service";
  const createdDay = onAuthority || rng.chance(0.25) ? addDays(c.receivedOn, rng.int(0, 2)) : c.receivedOn;
  const createdAt = atOfficeHour(createdDay, rng.next());

  const steps: { to: ComplaintStatus; after: number; note?: string }[] = [];
  if (c.excludedReason) {
    // Excluded entries are walked straight through to closed by the reviewer who spots them.
    const minutes = () => rng.int(2, 30) / 60;
    steps.push(
      { to: "triaged", after: rng.int(1, 30) },
      { to: "in_analysis", after: minutes() },
      { to: "analysed", after: minutes() },
    );
    steps.push({ to: "closed", after: minutes(), note: EXCLUSION_NOTES[c.excludedReason] });
  } else {
    // Part of the queue waits: the team is small and deep analysis comes before speed.
    const backlog = (p: number, min: number, max: number) => (rng.chance(p) ? rng.int(min, max) : 0);
    steps.push(
      { to: "triaged", after: rng.int(1, 60) + backlog(0.25, 100, 500) },
      { to: "in_analysis", after: rng.int(4, 240) + backlog(0.3, 240, 900) },
      { to: "analysed", after: onAuthority ? rng.int(24, 300) : rng.int(48, 900) },
      { to: "closed", after: rng.int(4, 240) },
    );
    if (rng.chance(STALLED_SHARE)) steps.splice(rng.chance(0.6) ? 2 : 3);
    else if (rng.chance(REOPENED_SHARE)) {
      steps.push(
        { to: "in_analysis", after: rng.int(72, 480), note: "Reopened: the customer came back with new information." },
        { to: "analysed", after: rng.int(24, 240) },
        { to: "closed", after: rng.int(4, 120) },
      );
    }
  }

  const transitions: Lifecycle["transitions"] = [{ from: null, to: "new", at: createdAt, by: creator, note: null }];
  let at = createdAt;
  for (const step of steps) {
    at = addHours(at, step.after);
    if (at > until) break;
    transitions.push({ from: transitions.at(-1)!.to, to: step.to, at, by: assignee, note: step.note ?? null });
  }
  const status = transitions.at(-1)!.to;
  const reached = (s: ComplaintStatus) => transitions.find((t) => t.to === s)?.at ?? null;
  const triagedAt = reached("triaged");
  const firstClosedAt = reached("closed");
  const counted = c.excludedReason === null;

  const tags = counted ? drawTags(rng, c, status, reached("in_analysis"), reached("analysed"), assignee, until) : [];
  const primary = tags.find((t) => t.primary);
  const analysis =
    primary && (status === "analysed" || status === "closed") && rng.chance(0.1)
      ? { ...rng.pick(ANALYSES[primary.rootCause]), by: assignee, at: primary.at }
      : null;
  const lastAt = transitions.at(-1)!.at;
  // Receipt is acknowledged within two business days, a few late, whatever the analysis status.
  const acknowledged = addHours(createdAt, rng.chance(0.94) ? rng.int(1, 40) : rng.int(50, 120));
  const comments = triagedAt && rng.chance(0.07) ? drawComments(rng, triagedAt, lastAt, assignee) : [];

  return {
    status,
    creator,
    assignee: triagedAt ? assignee : null,
    // Severity is judged at triage; some new complaints are not judged yet.
    severity: triagedAt || rng.chance(0.5) ? c.severity : null,
    outcome: counted && status === "closed" ? drawOutcome(rng, c) : null,
    recommendationFollowed: c.channel === "disputes_board" && status === "closed" ? rng.chance(0.75) : null,
    createdAt,
    acknowledgedAt: acknowledged <= until ? acknowledged : null,
    respondedAt: firstClosedAt,
    updatedAt: [lastAt, ...tags.map((t) => t.at)].reduce((a, b) => (a > b ? a : b)),
    version: transitions.length + (tags.length > 0 ? 1 : 0),
    transitions,
    tags,
    analysis,
    comments,
  };
}

function drawTags(
  rng: Rng,
  c: PlannedComplaint,
  status: ComplaintStatus,
  analysisStarted: Date | null,
  analysedAt: Date | null,
  by: Reviewer,
  until: Date,
): Lifecycle["tags"] {
  if (!c.scenario || !analysisStarted) return [];
  const done = status === "analysed" || status === "closed";
  const scenario = SCENARIOS[c.scenario];
  const end = analysedAt ?? until;
  if (!rng.chance(done ? 0.93 : 0.35)) {
    // An analysed complaint names its root cause (the workflow refuses the move without one). Tagged
    // at the move without a further draw, so the rest of the demo stays as it was.
    return done ? [{ rootCause: scenario.rootCause, primary: true, by, at: end, note: null }] : [];
  }
  const span = Math.max(1, (end.getTime() - analysisStarted.getTime()) / 3_600_000);
  const at = addHours(analysisStarted, rng.next() * span);
  // Reviewers sometimes see a different cause than the scenario suggests; the agreement sample shows how often.
  const primary = rng.chance(0.92) ? scenario.rootCause : rng.pick(ROOT_CAUSES)[0];
  const tags: Lifecycle["tags"] = [
    { rootCause: primary, primary: true, by, at, note: rng.chance(0.08) ? rng.pick(TAG_NOTES) : null },
  ];
  const secondary = scenario.secondary.filter((r) => r !== primary);
  if (secondary.length > 0 && rng.chance(0.25)) {
    tags.push({ rootCause: rng.pick(secondary), primary: false, by, at: addHours(at, 0.1), note: null });
  }
  return tags;
}

function drawOutcome(rng: Rng, c: PlannedComplaint): Outcome {
  // A customer who took the matter further was rarely satisfied the first time.
  if (c.escalated)
    return rng.weighted<Outcome>([
      ["not_upheld", 0.7],
      ["partly_upheld", 0.3],
    ]);
  return rng.weighted<Outcome>([
    ["upheld", 0.35],
    ["partly_upheld", 0.25],
    ["not_upheld", 0.32],
    ["withdrawn", 0.08],
  ]);
}

function drawComments(rng: Rng, from: Date, to: Date, assignee: Reviewer): Lifecycle["comments"] {
  const other: Reviewer = assignee === "reviewer" ? "reviewer2" : "reviewer";
  const span = Math.max(1, (to.getTime() - from.getTime()) / 3_600_000);
  const count = rng.chance(0.3) ? 2 : 1;
  return Array.from({ length: count }, () => ({
    body: rng.pick(COMMENTS),
    by: rng.weighted<DemoUserKey>([
      [assignee, 0.6],
      [other, 0.25],
      ["pm", 0.15],
    ]),
    at: addHours(from, rng.next() * span),
  })).sort((a, b) => a.at.getTime() - b.at.getTime());
}
