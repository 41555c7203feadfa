import { z } from "zod";
import { apiError, apiRoute, readJson, respond } from "@/lib/api/route";
import { perform } from "@/lib/operations";
import { runEffectivenessCheck } from "@/lib/remediation/checks";

type Params = { id: string };

const bodySchema = z.object({ months: z.unknown().optional() }).strict();

/** Runs the effectiveness check of a shipped action (`months` each side, default 6); 201 with the stored check. */
export const POST = apiRoute<Params>({ permission: "remediation:update_own" }, async ({ request, actor, params }) => {
  if (!z.uuid().safeParse(params.id).success) return apiError("not_found", "Remediation action not found");
  const body = await readJson(request, bodySchema, { empty: {} });
  return respond(await perform(actor, runEffectivenessCheck, { actionId: params.id, ...body }), 201);
});
