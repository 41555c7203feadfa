import { type NextRequest, NextResponse } from "next/server";
import { takePublicToken } from "@/lib/api/rate-limit";
import { errorResponse, fieldDetails } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { logError } from "@/lib/log";
import { getPublishedZeroMission, publicCsv } from "@/lib/metric/public";
import { publicQuerySchema } from "@/lib/metric/validations";
import { clientAddress } from "@/lib/security/client-address";
import { fieldErrorsOf } from "@/lib/validation";

// Published figures change only when an admin publishes or restates, so caches may hold them briefly.
const CACHE = "public, max-age=60";

/** The published table, no sign-in: JSON in the v1 shape (plus each month's restatements), or `&format=csv`. */
export async function GET(request: NextRequest) {
  try {
    const limit = takePublicToken(clientAddress(request.headers));
    if (!limit.ok) {
      throw new AppError("rate_limited", "Too many requests; slow down", { retryAfterSeconds: limit.retryAfter });
    }
    const params = request.nextUrl.searchParams;
    const parsed = publicQuerySchema.safeParse({
      market: params.get("market") ?? undefined,
      format: params.get("format") ?? undefined,
    });
    if (!parsed.success)
      throw new AppError("invalid", "Some parameters are invalid", fieldDetails(fieldErrorsOf(parsed.error)));
    const data = await getPublishedZeroMission(parsed.data.market);
    if (parsed.data.format === "csv") {
      return new NextResponse(publicCsv(data), {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="zero-mission-${data.market}.csv"`,
          "Cache-Control": CACHE,
        },
      });
    }
    return NextResponse.json(data, { headers: { "Cache-Control": CACHE } });
  } catch (error) {
    return errorResponse(error);
  }
}
