import { NextResponse } from "next/server";
import { operationRoute } from "@/lib/api/route";
import { readZeroMission } from "@/lib/metric/operations";

/**
 * Current figures, unpublished months included, `perMillion` unrounded (null without purchases).
 * `market` omitted = all markets; `from`/`to` default to January of last year through the latest data.
 */
export const GET = operationRoute(readZeroMission, {
  input: ({ request }) => {
    const params = request.nextUrl.searchParams;
    return {
      market: params.get("market") ?? undefined,
      from: params.get("from") ?? undefined,
      to: params.get("to") ?? undefined,
    };
  },
  respond: (data) => NextResponse.json(data),
});
