import { type NextRequest, NextResponse } from "next/server";
import { operationRoute, readBody } from "@/lib/api/route";
import { runEffectivenessCheckByApi } from "@/lib/remediation/checks";

/** Runs the effectiveness check of a shipped action (`months` each side, default 6); 201 with the stored check. */
export const POST = operationRoute(runEffectivenessCheckByApi, {
  input: async ({ request, params }: { request: NextRequest; params: { id: string } }) => {
    const body = await readBody(request, { empty: {} });
    return body && typeof body === "object" && !Array.isArray(body) ? { ...body, actionId: params.id } : body;
  },
  respond: (check) => NextResponse.json(check, { status: 201 }),
});
