import "server-only";
import { cookies, headers } from "next/headers";
import { DEFAULT_LOCALE, LOCALE_COOKIE, type Locale, negotiateLocale } from "./locales";

/**
 * The language of whoever made this request, chosen as the pages choose it (the saved choice, else the
 * browser's Accept-Language): what server actions and pages answer in. Outside a request (a test, a
 * job) it is English.
 */
export async function readerLocale(): Promise<Locale> {
  try {
    const [store, list] = await Promise.all([cookies(), headers()]);
    return negotiateLocale(store.get(LOCALE_COOKIE)?.value, list.get("accept-language"));
  } catch {
    return DEFAULT_LOCALE;
  }
}
