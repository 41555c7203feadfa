import { CHANNELS, COMPLAINT_STATUSES, EXCLUDED_REASONS, JOURNEY_STAGES, SEVERITIES } from "@/lib/domain/values";
import { categoryKey } from "./resolve-types";

/** The cell-level rules of a row: accepted spellings, enum values, category names, character counts. */

export const APP_USER_TRUE = new Set(["true", "yes", "1", "ja", "y"]);
export const APP_USER_FALSE = new Set(["false", "no", "0", "nej", "n"]);
export const MARKET_CODE = /^[A-Z]{2}$/;
export const SOURCE_NAME = /^[a-z0-9][a-z0-9_-]{0,39}$/;
export const ENUM_SEPARATORS = /[\s-]+/g;

export type EnumField = "channel" | "journey_stage" | "severity" | "status" | "excluded_reason";
export type EnumSpec<T extends string> = { list: readonly T[]; set: ReadonlySet<string> };
const enumSpec = <T extends string>(list: readonly T[]): EnumSpec<T> => ({ list, set: new Set(list) });
export const CHANNEL_SPEC = enumSpec(CHANNELS);
export const JOURNEY_STAGE_SPEC = enumSpec(JOURNEY_STAGES);
export const SEVERITY_SPEC = enumSpec(SEVERITIES);
export const STATUS_SPEC = enumSpec(COMPLAINT_STATUSES);
export const EXCLUDED_REASON_SPEC = enumSpec(EXCLUDED_REASONS);

// Files repeat the same dates and categories row after row: what each parses to is remembered,
// for this many distinct values at most.
export const MEMO_MAX = 10_000;

/** A category cell split into parent and child, with its lookup key; null when it is neither "Parent" nor "Parent > Child". */
export type CategoryName = { parent: string; child: string | null; key: string } | null;

export function splitCategory(joined: string): CategoryName {
  // split() always yields at least one part.
  const [parentPart = "", ...childParts] = joined.split(">");
  const parent = parentPart.trim();
  const child = childParts.length > 0 ? childParts.map((p) => p.trim()).join(" > ") : null;
  if (!parent || child === "") return null;
  return { parent, child, key: categoryKey(parent, child) };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Code units in the first `max` characters (code points, as `[...text]` counts them) of the text. */
export function codePointEnd(text: string, max: number): number {
  let i = 0;
  for (let count = 0; count < max && i < text.length; count++) {
    i += isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

/** Characters (code points) in the text: `[...text].length` without building the array. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++, count++) {
    if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) i++;
  }
  return count;
}
