import { NextResponse } from "next/server";
import { operationRoute } from "@/lib/api/route";
import { readSuggestions } from "@/lib/suggestions/reads";

/** The most similar complaints and the root causes their tags suggest; no complaint text, so nothing to redact. */
export const GET = operationRoute(readSuggestions, {
  input: ({ params }: { params: { id: string } }) => ({ complaintId: params.id }),
  respond: (found) =>
    NextResponse.json({
      similar: found.similar.map(({ id, reference, score, rootCauses }) => ({
        id,
        reference,
        score,
        rootCauses: rootCauses.map(({ rootCauseId, name, primary }) => ({ id: rootCauseId, name, primary })),
      })),
      causes: found.causes,
    }),
});
