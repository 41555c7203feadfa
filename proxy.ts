import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, HSTS, newNonce, STATIC_SECURITY_HEADERS } from "@/lib/security/headers";

// The sign-in redirect is only a convenience for signed-out visitors: every page, action and route
// checks the session and role on the server itself. The cookie's presence is all that is looked at here.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const PUBLIC = /^\/(sign-in|zero-mission|favicon\.ico|robots\.txt)/;

function isHttps(request: NextRequest): boolean {
  return request.nextUrl.protocol === "https:" || process.env.AUTH_URL?.startsWith("https:") === true;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce);

  let response: NextResponse;
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!signedIn && !PUBLIC.test(pathname)) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("callbackUrl", pathname + search);
    response = NextResponse.redirect(url);
  } else {
    // Next reads the nonce from the request's CSP header and puts it on its own scripts.
    const headers = new Headers(request.headers);
    headers.set("x-nonce", nonce);
    headers.set("Content-Security-Policy", csp);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  if (isHttps(request)) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}

export const config = {
  // Every page, the public one included. The API and build files get static headers from next.config
  // instead: the proxy would buffer (and past its limit silently cut) an upload's body.
  matcher: ["/((?!api/|_next/static|_next/image).*)"],
};
