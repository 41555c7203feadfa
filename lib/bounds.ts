import { z } from "zod";
import { rule, ruleText } from "@/lib/i18n/say";

/**
 * The sensible ranges every door shares (API, forms, import, filters), so a value one accepts the
 * others accept too, and nothing out of range reaches PostgreSQL to fail there as a 500.
 */
export const INT32_MAX = 2_147_483_647;
/** The bank's complaint history starts here; nothing in the product dates from before it. */
export const MIN_DATE = "2000-01-01";
/** The latest date a plan (a due date, a filter's end) may name. */
export const MAX_DATE = "2100-12-31";
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Null when `value` is a real date within the bounds, else the message. */
export function dateProblem(value: string, max = MAX_DATE): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return ruleText("commonRules.dateFormat");
  if (!isRealDate(value)) return ruleText("commonRules.dateNotReal");
  if (value < MIN_DATE) return ruleText(["commonRules.dateTooEarly", { min: MIN_DATE }]);
  if (value > max) return ruleText(["commonRules.dateTooLate", { max }]);
  return null;
}

/** An ISO date between MIN_DATE and MAX_DATE. */
export const boundedDate = () =>
  z.string(rule("commonRules.dateFormat")).superRefine((value, ctx) => {
    const problem = dateProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** An ISO date-time with an offset whose date lies between MIN_DATE and MAX_DATE. */
export const boundedDateTime = () =>
  z.iso.datetime({ offset: true, ...rule("commonRules.dateTimeFormat") }).superRefine((value, ctx) => {
    // A malformed value is already reported by the format check, which does not stop this one.
    const time = Date.parse(value);
    if (Number.isNaN(time)) return;
    const day = new Date(time).toISOString().slice(0, 10);
    if (day < MIN_DATE || day > MAX_DATE)
      ctx.addIssue({
        code: "custom",
        message: ruleText(["commonRules.dateBetween", { min: MIN_DATE, max: MAX_DATE }]),
      });
  });

/** A row version: a positive integer that fits the database's integer column. */
export const versionNumber = z
  .int(rule("commonRules.versionMissing"))
  .positive(rule("commonRules.versionMissing"))
  .max(INT32_MAX, rule("commonRules.versionUnknown"));

/** A year within MIN_YEAR..MAX_YEAR, from a form or URL string or a number. */
export const boundedYear = z.coerce
  .number(rule("commonRules.yearMissing"))
  .int(rule("commonRules.yearWhole"))
  .min(MIN_YEAR, rule(["commonRules.yearTooEarly", { min: MIN_YEAR }]))
  .max(MAX_YEAR, rule(["commonRules.yearTooLate", { max: MAX_YEAR }]));

/** A month `YYYY-MM` within the year bounds. */
export const monthProblem = (value: string): string | null => {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return ruleText("commonRules.monthFormat");
  const year = Number(value.slice(0, 4));
  return year < MIN_YEAR || year > MAX_YEAR
    ? ruleText(["commonRules.monthBetween", { min: `${MIN_YEAR}-01`, max: `${MAX_YEAR}-12` }])
    : null;
};
