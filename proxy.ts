import { type NextRequest, NextResponse } from "next/server";

// Only a convenience redirect for signed-out visitors: every page, action and route checks the
// session and role on the server itself. The cookie's presence is all that is looked at here.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (signedIn) return NextResponse.next();
  const url = new URL("/sign-in", request.url);
  url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = {
  // Public: sign-in, auth endpoints, the API (token-authenticated), the public table, static files.
  matcher: ["/((?!sign-in|api/|zero-mission|_next/|favicon.ico|robots.txt).*)"],
};
