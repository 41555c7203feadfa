/** What still uses a taxonomy item: "1 complaint", "3 purchase volumes". */
export type Use = { count: number; one: string; many: string };

export const DEACTIVATE_INSTEAD = "Deactivate it instead: it stays on existing records but is no longer offered.";

const phrase = (uses: Use[]) => {
  const parts = uses
    .filter((u) => u.count > 0)
    .map((u) => `${u.count.toLocaleString("en-GB")} ${u.count === 1 ? u.one : u.many}`);
  return parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}` : parts[0];
};

/**
 * Why an item cannot be deleted, or null when nothing uses it: one sentence for the server's refusal
 * and for the disabled Delete button that says it before anyone tries.
 */
export function inUseMessage(label: string, uses: Use[], instead = DEACTIVATE_INSTEAD): string | null {
  if (uses.every((u) => u.count === 0)) return null;
  return `${label} is used by ${phrase(uses)}, so it cannot be deleted. ${instead}`;
}
