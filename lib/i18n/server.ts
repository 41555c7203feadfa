import "server-only";
import { getLocale } from "next-intl/server";
import { formatterFor } from "@/lib/format";
import { codesFor } from "./messages";

/** Dates and numbers in the reader's locale, in a server component. */
export async function getFormat() {
  return formatterFor(await getLocale());
}

/** Words for codes (status, channel, …) in the reader's locale, in a server component. */
export async function getCodes() {
  return codesFor(await getLocale());
}
