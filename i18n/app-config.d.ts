import type { Locale } from "../lib/i18n/locales";
import type messages from "../messages/en";

// Typed messages: t("nav.dashboard") is checked against en.json, and sv.json must have the same keys (a test).
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
