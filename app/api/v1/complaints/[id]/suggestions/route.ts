import { NextResponse } from "next/server";
import { z } from "zod";
import { apiError, apiRoute } from "@/lib/api/route";
import { getComplaintSuggestions } from "@/lib/suggestions/queries";

type Params = { id: string };

/** The most similar complaints and the root causes their tags suggest; no complaint text, so nothing to redact. */
export const GET = apiRoute<Params>({ permission: "complaints:read" }, async ({ actor, params }) => {
  if (!z.uuid().safeParse(params.id).success) return apiError("not_found", "Complaint not found");
  const found = await getComplaintSuggestions(actor, params.id);
  if (!found) return apiError("not_found", "Complaint not found");
  return NextResponse.json({
    similar: found.similar.map(({ id, reference, score, rootCauses }) => ({
      id,
      reference,
      score,
      rootCauses: rootCauses.map(({ rootCauseId, name, primary }) => ({ id: rootCauseId, name, primary })),
    })),
    causes: found.causes,
  });
});
