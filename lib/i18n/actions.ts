"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "./locales";
import { readerLocale } from "./reader";
import { phraseIn } from "./say";

const localeSchema = z.enum(LOCALES);

/** Keeps a person's language for a year; the page re-renders in it at once. */
export async function setLocaleAction(
  input: unknown,
): Promise<{ data: { locale: string } } | { error: { code: "invalid"; message: string } }> {
  // Anything but a language we have is refused by name, as every action refuses bad input.
  const parsed = localeSchema.safeParse(input);
  if (!parsed.success) {
    const message = phraseIn(await readerLocale(), ["adminRules.locale.unknown", { locales: LOCALES.join(", ") }]);
    return { error: { code: "invalid", message } };
  }
  (await cookies()).set(LOCALE_COOKIE, parsed.data, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
  });
  return { data: { locale: parsed.data } };
}
