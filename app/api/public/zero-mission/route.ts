import { type NextRequest, NextResponse } from "next/server";
import { takePublicToken } from "@/lib/api/rate-limit";
import { callerLocale, errorResponse, fieldDetails, rateLimited } from "@/lib/api/route";
import { AppError } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { phraseIn } from "@/lib/i18n/say";
import { getPublishedZeroMission, publicCsv } from "@/lib/metric/public";
import { publicQuerySchema } from "@/lib/metric/validations";
import { clientAddress } from "@/lib/security/client-address";
import { fieldErrorsOf, parseIn } from "@/lib/validation";

// Published figures change only when an admin publishes or restates, so caches may hold them briefly.
const CACHE = "public, max-age=60";

/** The caller's language as the public page chooses it: `?lang=`, else their saved choice or Accept-Language. */
function publicLocale(request: NextRequest): Locale {
  const lang = request.nextUrl.searchParams.get("lang");
  return isLocale(lang) ? lang : callerLocale(request);
}

/**
 * The published table, no sign-in: JSON in the v1 shape (plus each month's restatements), or `&format=csv`.
 * Refusals are worded in the caller's language; their codes never change with it.
 */
export async function GET(request: NextRequest) {
  const locale = publicLocale(request);
  try {
    const limit = takePublicToken(clientAddress(request.headers));
    if (!limit.ok) throw rateLimited(limit.retryAfter);
    const params = request.nextUrl.searchParams;
    const parsed = parseIn(
      publicQuerySchema,
      { market: params.get("market") ?? undefined, format: params.get("format") ?? undefined },
      locale,
    );
    if (!parsed.success) {
      const details = fieldDetails(fieldErrorsOf(parsed.error));
      throw new AppError("invalid", (said) => ({ message: phraseIn(said, "errors.invalidParameters"), details }));
    }
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
    return errorResponse(error, locale);
  }
}
