import { can, type Role, SMALL_CELL_THRESHOLD } from "@/lib/auth/roles";

/**
 * Small-cell suppression for roles that see aggregates only (DESIGN.md, Roles): no breakdown may
 * single out a customer. Shared by the dashboard, the root-cause report and the effectiveness checks.
 */

/** Leadership sees aggregates only; every other role that reads figures may read complaints. */
export function suppressesSmallCells(role: Role): boolean {
  return !can(role, "complaints:read");
}

/** A count that could single out a customer: 1 to 4 complaints (0 singles out nobody). */
export function isSmallCount(count: number | null | undefined): boolean {
  return count != null && count > 0 && count < SMALL_CELL_THRESHOLD;
}

/**
 * Complementary suppression: where exactly one of the cells adding up to a shown total is withheld,
 * it is the total minus the others, so the smallest other cell with complaints is withheld with it.
 * Answers that cell, or null when nothing more needs withholding.
 */
export function complementOf<T>(
  cells: readonly T[],
  withheld: (cell: T) => boolean,
  count: (cell: T) => number | null,
): T | null {
  if (cells.filter(withheld).length !== 1) return null;
  let smallest: T | null = null;
  for (const cell of cells) {
    const n = count(cell) ?? 0;
    if (!withheld(cell) && n > 0 && (smallest === null || n < (count(smallest) ?? 0))) smallest = cell;
  }
  return smallest;
}
