import "server-only";
import { db } from "@/db";
import { can } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session";
import { suppressesSmallCells } from "@/lib/metric/suppression";
import { personalDataAccessOf } from "@/lib/privacy/gate";
import { getRemediationDetail, loadRemediationOptions } from "./detail-query";
import type { RemediationFilters } from "./filters";
import { listRemediationActions } from "./list-query";

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
