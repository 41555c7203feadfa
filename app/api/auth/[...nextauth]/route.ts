import { NextRequest, NextResponse } from "next/server";
import { callerLocale, errorResponse } from "@/lib/api/route";
import { handlers } from "@/lib/auth/config";
import { retryAfterSeconds, signInLockedUntil } from "@/lib/auth/throttle";
import { phraseIn } from "@/lib/i18n/say";
import { readBodyLimited } from "@/lib/security/body";
import { clientAddress } from "@/lib/security/client-address";

// A sign-in form is a few hundred bytes; nothing past this is read at all, signed in or not.
const MAX_AUTH_BODY = 16 * 1024;

export const GET = handlers.GET;

/** Auth.js's POST endpoints, behind a body limit and, for password sign-in, the throttle (429 + Retry-After). */
export async function POST(request: NextRequest) {
  try {
    const body = await readBodyLimited(request, MAX_AUTH_BODY, "The sign-in request");
    if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
      const email = new URLSearchParams(body.toString("utf8")).get("email") ?? "";
      const address = clientAddress(request.headers);
      const locked = await signInLockedUntil(email, address);
      if (locked) {
        const retryAfter = retryAfterSeconds(locked);
        return NextResponse.json(
          {
            error: {
              code: "rate_limited",
              message: phraseIn(callerLocale(request), "signIn.throttled"),
              details: { retryAfterSeconds: retryAfter },
            },
          },
          { status: 429, headers: { "Retry-After": String(retryAfter) } },
        );
      }
    }
    const copy = new Request(request.url, {
      method: "POST",
      headers: request.headers,
      body: body.length ? new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength) : undefined,
    });
    return await handlers.POST(new NextRequest(copy));
  } catch (error) {
    return errorResponse(error, callerLocale(request));
  }
}
