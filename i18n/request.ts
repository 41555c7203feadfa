import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { TIME_ZONE } from "@/lib/format";
import { LOCALE_COOKIE, negotiateLocale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";

// No locale in the URL: a person's language is a setting (a cookie), not part of the address they share.
export default getRequestConfig(async () => {
  const [store, list] = await Promise.all([cookies(), headers()]);
  const locale = negotiateLocale(store.get(LOCALE_COOKIE)?.value, list.get("accept-language"));
  return {
    locale,
    timeZone: TIME_ZONE,
    messages: messagesFor(locale),
  };
});
