import { NextResponse } from "next/server";
import { operationRoute, readBodyWith } from "@/lib/api/route";
import { readComplaint } from "@/lib/complaints/reads";
import { patchComplaint } from "@/lib/complaints/write";

type Params = { id: string };

export const GET = operationRoute(readComplaint, {
  input: ({ params }: { params: Params }) => ({ id: params.id }),
  respond: ({ complaint, rootCauses, deadlines, family, duplicateOf, duplicates }) =>
    NextResponse.json({
      ...complaint,
      rootCauses: rootCauses.map(({ rootCauseId, name, primary, note }) => ({ id: rootCauseId, name, primary, note })),
      deadlines: { acknowledgeBy: deadlines.acknowledgeBy, respondBy: deadlines.respondBy, overdue: deadlines.overdue },
      family: family.map((f) => ({ id: f.id, reference: f.reference, channel: f.channel, status: f.status })),
      duplicateOf: duplicateOf && { id: duplicateOf.id, reference: duplicateOf.reference },
      duplicates: duplicates.map((d) => ({ id: d.id, reference: d.reference })),
    }),
});

/** Changes the given fields; `version` must be the one read, or the answer is 409 with what changed since. */
export const PATCH = operationRoute(patchComplaint, {
  input: ({ request, params }: { request: Parameters<typeof readBodyWith>[0]; params: Params }) =>
    readBodyWith(request, { id: params.id }),
});
