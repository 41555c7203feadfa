import { monthNumber, yearOf } from "./months";

/** The published table as the bank prints it: one row per year, twelve months and the yearly figure, whole numbers. */

export type PublicCell = { value: number | null; restated: boolean };
export type PublicRow = { year: number; months: (PublicCell | null)[]; average: number | null; target: number | null };

type Source = {
  months: { month: string; perMillion: number | null; restatements: unknown[] }[];
  years: { year: number; perMillion: number | null; target: number | null }[];
};

export function wholeNumber(value: number | null): number | null {
  return value == null ? null : Math.round(value);
}

export function publicTable(data: Source): PublicRow[] {
  return data.years.map((y) => {
    const months: (PublicCell | null)[] = Array.from({ length: 12 }, () => null);
    for (const m of data.months) {
      if (yearOf(m.month) !== y.year) continue;
      months[monthNumber(m.month) - 1] = { value: wholeNumber(m.perMillion), restated: m.restatements.length > 0 };
    }
    return { year: y.year, months, average: wholeNumber(y.perMillion), target: wholeNumber(y.target) };
  });
}
