import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/db";
import { apiError, apiRoute, readJson, respond } from "@/lib/api/route";
import { can } from "@/lib/auth/roles";
import { suppressesSmallCells } from "@/lib/metric/suppression";
import { perform } from "@/lib/operations";
import { personalDataAccessOf } from "@/lib/privacy/gate";
import { getRemediationDetail } from "@/lib/remediation/detail-query";
import { remediationPatchBodySchema } from "@/lib/remediation/validations";
import { updateRemediationAction } from "@/lib/remediation/write";

type Params = { id: string };

const isUuid = (id: string) => z.uuid().safeParse(id).success;

/** The action with its root causes, evidence complaints (for those who read complaints), checks and history. */
export const GET = apiRoute<Params>({ permission: "remediation:read" }, async ({ actor, params }) => {
  if (!isUuid(params.id)) return apiError("not_found", "Remediation action not found");
  const withEvidence = can(actor.role, "complaints:read");
  const detail = await getRemediationDetail(db, params.id, {
    withEvidence,
    access: personalDataAccessOf(actor.role),
    suppressSmallCells: suppressesSmallCells(actor.role),
  });
  if (!detail) return apiError("not_found", "Remediation action not found");
  const { action, rootCauses, evidence, checks, history } = detail;
  return NextResponse.json({
    ...action,
    rootCauses,
    ...(withEvidence
      ? { evidence: evidence.map(({ id, reference, summary, status }) => ({ id, reference, summary, status })) }
      : {}),
    latestCheck: checks[0] ?? null,
    checks,
    history,
  });
});

/** Changes the given fields or the status; `version` must be the one read (409 otherwise). Product managers: status and notes of their own actions. */
export const PATCH = apiRoute<Params>({ permission: "remediation:update_own" }, async ({ request, actor, params }) => {
  if (!isUuid(params.id)) return apiError("not_found", "Remediation action not found");
  const { version, ...changes } = await readJson(request, remediationPatchBodySchema);
  return respond(await perform(actor, updateRemediationAction, { id: params.id, version, changes }));
});
