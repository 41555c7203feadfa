import type { MessageKey, NestedPhrase } from "@/lib/i18n/say";

// csv-parse's error codes that a file (not our options) can cause, as a person is told them.
const CSV_PARSE_REASONS: Partial<Record<string, MessageKey>> = {
  CSV_QUOTE_NOT_CLOSED: "importRules.csv.quoteNotClosed",
  CSV_INVALID_CLOSING_QUOTE: "importRules.csv.invalidClosingQuote",
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: "importRules.csv.textAfterQuote",
  CSV_RECORD_INCONSISTENT_FIELDS_LENGTH: "importRules.csv.fieldCount",
  CSV_RECORD_INCONSISTENT_COLUMNS: "importRules.csv.fieldCount",
  CSV_MAX_RECORD_SIZE: "importRules.csv.recordTooLarge",
};

/**
 * Why csv-parse could not read a text, as a phrase for any reader: its reason by its error code, any
 * other (an unknown code, no code) as text that is not CSV this import can read. Never its English.
 */
export function csvParseReason(error: unknown): NestedPhrase {
  const code = (error as { code?: unknown } | null)?.code;
  return [(typeof code === "string" && CSV_PARSE_REASONS[code]) || "importRules.csv.unreadable", {}];
}
