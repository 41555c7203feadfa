import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/db";
import { apiError, apiRoute, readJson, respond } from "@/lib/api/route";
import { getComplaintDetail } from "@/lib/complaints/detail-query";
import { complaintPatchBodySchema } from "@/lib/complaints/validations";
import { updateComplaint } from "@/lib/complaints/write";
import { perform } from "@/lib/operations";
import { personalDataAccessOf } from "@/lib/privacy/gate";

type Params = { id: string };

const isUuid = (id: string) => z.uuid().safeParse(id).success;

export const GET = apiRoute<Params>({ permission: "complaints:read" }, async ({ actor, params }) => {
  if (!isUuid(params.id)) return apiError("not_found", "Complaint not found");
  const detail = await getComplaintDetail(db, params.id, {
    access: personalDataAccessOf(actor.role),
    withHistory: false,
  });
  if (!detail) return apiError("not_found", "Complaint not found");
  const { complaint, rootCauses, deadlines, family, duplicateOf, duplicates } = detail;
  return NextResponse.json({
    ...complaint,
    rootCauses: rootCauses.map(({ rootCauseId, name, primary, note }) => ({ id: rootCauseId, name, primary, note })),
    deadlines: { acknowledgeBy: deadlines.acknowledgeBy, respondBy: deadlines.respondBy, overdue: deadlines.overdue },
    family: family.map((f) => ({ id: f.id, reference: f.reference, channel: f.channel, status: f.status })),
    duplicateOf: duplicateOf && { id: duplicateOf.id, reference: duplicateOf.reference },
    duplicates: duplicates.map((d) => ({ id: d.id, reference: d.reference })),
  });
});

/** Changes the given fields; `version` must be the one read, or the answer is 409 with what changed since. */
export const PATCH = apiRoute<Params>({ permission: "complaints:write" }, async ({ request, actor, params }) => {
  if (!isUuid(params.id)) return apiError("not_found", "Complaint not found");
  const { version, ...changes } = await readJson(request, complaintPatchBodySchema);
  return respond(await perform(actor, updateComplaint, { id: params.id, version, changes }));
});
