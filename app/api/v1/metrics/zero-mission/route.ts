import { NextResponse } from "next/server";
import { apiRoute, fieldDetails } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { getZeroMission } from "@/lib/metric/queries";
import { metricQuerySchema } from "@/lib/metric/validations";
import { fieldErrorsOf } from "@/lib/validation";

/**
 * Current figures, unpublished months included, `perMillion` unrounded (null without purchases).
 * `market` omitted = all markets; `from`/`to` default to January of last year through the latest data.
 */
export const GET = apiRoute({ permission: "reports:read" }, async ({ request }) => {
  const params = request.nextUrl.searchParams;
  const parsed = metricQuerySchema.safeParse({
    market: params.get("market") ?? undefined,
    from: params.get("from") ?? undefined,
    to: params.get("to") ?? undefined,
  });
  if (!parsed.success)
    throw new AppError("invalid", "Some parameters are invalid", fieldDetails(fieldErrorsOf(parsed.error)));
  return NextResponse.json(await getZeroMission(parsed.data));
});
