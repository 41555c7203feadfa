import "server-only";

const state = globalThis as unknown as { __clientAddressInstalled?: boolean; __clientAddressWarned?: boolean };

/**
 * The caller's address for per-address limits. It is trusted only when scripts/client-address.cjs runs
 * in this process (as `npm start` arranges): that preload has replaced X-Forwarded-For with the address
 * it derived from the socket and TRUSTED_PROXIES. Otherwise a header is all there is, and a header is the
 * client's word, so every caller shares the one address "unknown" (stricter, never bypassable).
 */
export function clientAddress(headers: Headers): string {
  if (!state.__clientAddressInstalled) {
    if (!state.__clientAddressWarned) {
      state.__clientAddressWarned = true;
      console.warn("Client addresses are not verified (start the server with `npm start`); limits are shared.");
    }
    return "unknown";
  }
  return headers.get("x-forwarded-for")?.trim() || "unknown";
}
