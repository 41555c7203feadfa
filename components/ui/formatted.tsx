import { useFormat } from "@/lib/i18n/hooks";

// Dates and numbers as components, for places that render without a component of their own (table cells).

/** A calendar day in the reader's format. */
export function Day({ value }: { value: string | Date | null | undefined }) {
  return <>{useFormat().day(value)}</>;
}
