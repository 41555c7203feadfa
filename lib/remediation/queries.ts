import "server-only";
import { db } from "@/db";
import { can } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { suppressesSmallCells } from "@/lib/metric/suppression";
import { personalDataAccessOf } from "@/lib/privacy/gate";
import { loadActionComments, mentionablePeople } from "./comments";
import { getRemediationDetail, loadRemediationOptions } from "./detail-query";
import type { RemediationFilters } from "./filters";
import { listRemediationActions } from "./list-query";
import { getActionRateTrend, windowsOfCheck } from "./rate-trend";

/** Leadership sees aggregates only: a check on fewer than 5 complaints is withheld. */
export function getRemediationList(user: Pick<SessionUser, "role">, filters: RemediationFilters) {
  return listRemediationActions(db, filters, {
    suppressSmallCells: suppressesSmallCells(user.role),
    access: personalDataAccessOf(user.role),
  });
}

/** Evidence complaints only for those who read complaints; with personal data cut for product managers. */
export function getRemediationAction(user: Pick<SessionUser, "role">, id: string) {
  return getRemediationDetail(db, id, {
    withEvidence: can(user.role, "complaints:read"),
    access: personalDataAccessOf(user.role),
    suppressSmallCells: suppressesSmallCells(user.role),
  });
}

export function getRemediationOptions() {
  return loadRemediationOptions(db);
}

/** The chart of a shipped action's monthly rate around its shipped date, in its latest check's windows. */
export function getRemediationRateTrend(
  user: Pick<SessionUser, "role">,
  action: { market: string | null; productId: string | null; shippedOn: string },
  rootCauseIds: string[],
  latestCheck: { beforeFrom: string; beforeTo: string; afterFrom: string; afterTo: string } | undefined,
) {
  return getActionRateTrend(
    db,
    { ...action, rootCauseIds },
    latestCheck ? windowsOfCheck(latestCheck) : null,
    suppressesSmallCells(user.role),
  );
}

/** The action's discussion, and the colleagues a new comment can mention. */
export async function getActionDiscussion(user: Pick<SessionUser, "role" | "id">, actionId: string) {
  const [comments, people] = await Promise.all([
    loadActionComments(db, actionId, personalDataAccessOf(user.role)),
    can(user.role, "remediation:comment") ? mentionablePeople(db) : [],
  ]);
  return { comments, people: people.filter((p) => p.id !== user.id) };
}
