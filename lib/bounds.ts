import { z } from "zod";

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
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return "Enter the date as YYYY-MM-DD";
  if (!isRealDate(value)) return "This date does not exist";
  if (value < MIN_DATE) return `The date is too far in the past (before ${MIN_DATE})`;
  if (value > max) return `The date is too far in the future (after ${max})`;
  return null;
}

/** An ISO date between MIN_DATE and MAX_DATE. */
export const boundedDate = (message = "Enter the date as YYYY-MM-DD") =>
  z.string({ message }).superRefine((value, ctx) => {
    const problem = dateProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** An ISO date-time with an offset whose date lies between MIN_DATE and MAX_DATE. */
export const boundedDateTime = (message = "Use an ISO date-time") =>
  z.iso.datetime({ offset: true, message }).superRefine((value, ctx) => {
    // A malformed value is already reported by the format check, which does not stop this one.
    const time = Date.parse(value);
    if (Number.isNaN(time)) return;
    const day = new Date(time).toISOString().slice(0, 10);
    if (day < MIN_DATE || day > MAX_DATE)
      ctx.addIssue({ code: "custom", message: `Use a date between ${MIN_DATE} and ${MAX_DATE}` });
  });

/** A row version: a positive integer that fits the database's integer column. */
export const versionNumber = z
  .int({ message: "Send the version you edited" })
  .positive("Send the version you edited")
  .max(INT32_MAX, "Not a version this record ever had");

/** A year within MIN_YEAR..MAX_YEAR, from a form or URL string or a number. */
export const boundedYear = z.coerce
  .number({ message: "Enter a year" })
  .int("Enter a whole year")
  .min(MIN_YEAR, `Year must be ${MIN_YEAR} or later`)
  .max(MAX_YEAR, `Year must be ${MAX_YEAR} or earlier`);

/** A month `YYYY-MM` within the year bounds. */
export const monthProblem = (value: string): string | null => {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return "Use a month as YYYY-MM, e.g. 2019-03";
  const year = Number(value.slice(0, 4));
  return year < MIN_YEAR || year > MAX_YEAR ? `Use a month between ${MIN_YEAR}-01 and ${MAX_YEAR}-12` : null;
};
