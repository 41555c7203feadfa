import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { HSTS, STATIC_SECURITY_HEADERS } from "./lib/security/headers";

// The API answers JSON and files only: nothing in it may run or be framed.
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
const asList = (headers: Record<string, string>) => Object.entries(headers).map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  // Separate build folders let an end-to-end run and a developer's server coexist.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  serverExternalPackages: ["@electric-sql/pglite", "argon2", "postgres", "pino", "pg-boss", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      // Pages get theirs (with the CSP nonce) from proxy.ts; these cover the API and the build's files,
      // which the proxy does not see (it would buffer upload bodies).
      { source: "/api/:path*", headers: asList({ ...STATIC_SECURITY_HEADERS, "Content-Security-Policy": API_CSP }) },
      { source: "/_next/:path*", headers: asList(STATIC_SECURITY_HEADERS) },
      // Behind a TLS-terminating proxy the scheme comes as a header; HSTS over plain HTTP is ignored anyway.
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: HSTS }],
      },
    ];
  },
  experimental: {
    authInterrupts: true,
    // A fresh CI clone never reuses the build cache, so writing it is wasted time there.
    turbopackFileSystemCacheForBuild: !process.env.CI,
    // Server actions are JSON forms: Next refuses a larger body while reading it (413), before parsing.
    serverActions: { bodySizeLimit: "1mb" },
    // The proxy buffers a page POST (a server action) up to this; above the action limit, so Next's own
    // check, not a silent cut, is what refuses an oversized action.
    proxyClientMaxBodySize: "1100kb",
  },
};

// next-intl reads i18n/request.ts for each request: the locale (a cookie or the browser's languages) and its messages.
export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
