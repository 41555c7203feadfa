import en from "@/messages/en";
import sv from "@/messages/sv";
import type { Locale } from "./locales";

export type Messages = typeof en;
export type CodeLabels = Messages["codes"];

// sv.json is held to en.json's shape here (and key for key by messages.test.ts).
const MESSAGES: Record<Locale, Messages> = { en, sv };

/**
 * A locale's messages as a typed object, for code outside React (queries that name rows, the zod error
 * map). Components use next-intl's useTranslations / getTranslations instead.
 */
export function messagesFor(locale: Locale): Messages {
  return MESSAGES[locale] ?? en;
}

/** Words for the codes people read (status, channel, journey stage, …) in one locale. */
export function codesFor(locale: Locale): CodeLabels {
  return messagesFor(locale).codes;
}

/** Puts values into a message's {placeholders}, for messages read outside next-intl (no plurals there). */
export function fillMessage(template: string, values: Record<string, string | number> = {}): string {
  return template.replaceAll(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
