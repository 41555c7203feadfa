import { NextResponse } from "next/server";
import { operationRoute, readBodyWith } from "@/lib/api/route";
import { readRemediationAction } from "@/lib/remediation/reads";
import { patchRemediationAction } from "@/lib/remediation/write";

type Params = { id: string };

/** The action with its root causes, evidence complaints (for those who read complaints), checks and history. */
export const GET = operationRoute(readRemediationAction, {
  input: ({ params }: { params: Params }) => ({ id: params.id }),
  respond: ({ action, rootCauses, evidence, checks, history, withEvidence }) =>
    NextResponse.json({
      ...action,
      rootCauses,
      ...(withEvidence
        ? { evidence: evidence.map(({ id, reference, summary, status }) => ({ id, reference, summary, status })) }
        : {}),
      latestCheck: checks[0] ?? null,
      checks,
      history,
    }),
});

/** Changes the given fields or the status; `version` must be the one read (409 otherwise). Product managers: status and notes of their own actions. */
export const PATCH = operationRoute(patchRemediationAction, {
  input: ({ request, params }: { request: Parameters<typeof readBodyWith>[0]; params: Params }) =>
    readBodyWith(request, { id: params.id }),
});
