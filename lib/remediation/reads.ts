import "server-only";
import { z } from "zod";
import { can } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { suppressesSmallCells } from "@/lib/metric/suppression";
import { defineRead } from "@/lib/operations";
import { personalDataAccessOf } from "@/lib/privacy/gate";
import { getRemediationDetail } from "./detail-query";
import { parseRemediationFilters } from "./filters";
import { listRemediationActions } from "./list-query";

/** A page of remediation actions; evidence text through the gate, small counts suppressed for leadership. */
export const readRemediationList = defineRead({
  name: "remediation.readRemediationList",
  permission: "remediation:read",
  input: z.instanceof(URLSearchParams),
  read: async ({ actor, input, db }) => {
    const filters = parseRemediationFilters(input);
    const list = await listRemediationActions(db, filters, {
      suppressSmallCells: suppressesSmallCells(actor.role),
      access: personalDataAccessOf(actor.role),
    });
    return { ...list, page: filters.page, perPage: filters.perPage };
  },
});

/** The action with its root causes, evidence complaints (for those who read complaints), checks and history. */
export const readRemediationAction = defineRead({
  name: "remediation.readRemediationAction",
  permission: "remediation:read",
  input: z.object({ id: z.string() }),
  read: async ({ actor, input, db }) => {
    const withEvidence = can(actor.role, "complaints:read");
    const detail = z.uuid().safeParse(input.id).success
      ? await getRemediationDetail(db, input.id, {
          withEvidence,
          access: personalDataAccessOf(actor.role),
          suppressSmallCells: suppressesSmallCells(actor.role),
        })
      : null;
    if (!detail) throw new AppError("not_found", "Remediation action not found");
    return { ...detail, withEvidence };
  },
});
