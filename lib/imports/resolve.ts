import {
  CHANNELS,
  COMPLAINT_STATUSES,
  EXCLUDED_REASONS,
  JOURNEY_STAGES,
  SEVERITIES,
  type Channel,
  type ComplaintStatus,
  type ExcludedReason,
  type JourneyStage,
  type Severity,
} from "@/db/schema/enums";
import { restoreCell } from "./csv-safety";
import { parseDate, todayIso } from "./dates";
import { EXTERNAL_ID_MAX, SUMMARY_MAX, type MappingTarget, type ValueMappedField } from "./fields";
import type { MappingConfig } from "./validations";

export type RowError = { line: number; column: string | null; reason: string };

/** Reference data held in memory for the whole import (taxonomies are small). Keys are lower-cased names. */
export type Lookups = {
  markets: Set<string>;
  products: Map<string, string>;
  /** "parent" and "parent > child", lower-cased → id. */
  categories: Map<string, string>;
  rootCauses: Map<string, string>;
  /** id → display name ("Parent > Child" for categories), for previews. */
  names: Map<string, string>;
};

export type ProductRef = { id: string } | { create: string };
export type CategoryRef = { id: string } | { create: { parent: string; child: string | null } };

export type ResolvedRow = {
  line: number;
  source: string;
  externalId: string;
  receivedOn: string;
  market: string;
  channel: Channel;
  summary: string;
  product: ProductRef | null;
  category: CategoryRef | null;
  journeyStage: JourneyStage | null;
  narrative: string | null;
  customerRef: string | null;
  appUser: boolean | null;
  severity: Severity | null;
  status: ComplaintStatus | null;
  excludedReason: ExcludedReason | null;
  rootCauseIds: string[];
};

export const categoryKey = (parent: string, child: string | null) =>
  (child ? `${parent.trim()} > ${child.trim()}` : parent.trim()).toLowerCase();

/** Turns one file record into a row ready to store, or the reasons it cannot be stored. */
export class RowResolver {
  private readonly columnOf = new Map<MappingTarget, { index: number; header: string }>();
  private readonly seen = new Map<string, number>();
  private readonly today = todayIso();

  constructor(
    private readonly config: MappingConfig,
    private readonly headers: string[],
    private readonly lookups: Lookups,
  ) {
    headers.forEach((header, index) => {
      const target = config.columns[header];
      if (target && !this.columnOf.has(target)) this.columnOf.set(target, { index, header });
    });
  }

  /** Forget external ids seen so far (each pass over the file starts afresh). */
  reset() {
    this.seen.clear();
  }

  resolve(line: number, values: string[]): { row: ResolvedRow } | { errors: RowError[] } {
    const errors: RowError[] = [];
    const fail = (field: MappingTarget, reason: string) => errors.push({ line, column: this.columnName(field), reason });
    if (values.length !== this.headers.length) {
      return { errors: [{ line, column: null, reason: `Has ${values.length} fields; the header has ${this.headers.length}` }] };
    }
    this.current = values;
    const raw = (field: MappingTarget) => this.rawValue(field);
    const text = (field: MappingTarget) => raw(field).trim();

    const externalId = text("external_id");
    if (!externalId) fail("external_id", "Is required");
    else if (externalId.length > EXTERNAL_ID_MAX) fail("external_id", `Is longer than ${EXTERNAL_ID_MAX} characters`);
    else if (this.seen.has(externalId)) fail("external_id", `Repeats "${externalId}" from line ${this.seen.get(externalId)}`);
    else this.seen.set(externalId, line);

    let receivedOn = "";
    const dateText = text("received_on");
    if (!dateText) fail("received_on", "Is required");
    else {
      const parsed = parseDate(dateText, this.config.dateFormat);
      if (!parsed) fail("received_on", `"${dateText}" is not a date in the form ${this.config.dateFormat}`);
      else if (parsed > this.today) fail("received_on", `${parsed} is in the future`);
      else receivedOn = parsed;
    }

    const market = this.mapValue("market", text("market")).toUpperCase();
    if (!market) fail("market", "Is required");
    else if (!/^[A-Z]{2}$/.test(market)) fail("market", `"${market}" is not a two-letter market code`);
    else if (!this.lookups.markets.has(market) && !this.config.createMarkets[market]) fail("market", `Unknown market "${market}"`);

    const channel = this.enumValue("channel", CHANNELS, fail, true);

    let summary = text("summary");
    if (!summary) fail("summary", "Is required");
    else if ([...summary].length > SUMMARY_MAX) {
      if (this.config.truncateSummary) summary = [...summary].slice(0, SUMMARY_MAX).join("");
      else fail("summary", `Is ${[...summary].length} characters; at most ${SUMMARY_MAX}`);
    }

    const product = this.product(text("product"), fail);
    const category = this.category(text("category"), text("category_detail"), fail);
    const rootCauseIds = this.rootCauses(text("root_causes"), fail);

    let appUser: boolean | null = null;
    const appText = text("app_user").toLowerCase();
    if (["true", "yes", "1", "ja", "y"].includes(appText)) appUser = true;
    else if (["false", "no", "0", "nej", "n"].includes(appText)) appUser = false;
    else if (appText) fail("app_user", `"${appText}" is not true or false`);

    let source = this.config.source;
    const sourceText = text("source");
    if (sourceText) {
      if (/^[a-z0-9][a-z0-9_-]{0,39}$/.test(sourceText)) source = sourceText;
      else fail("source", `"${sourceText}" is not a source name`);
    }

    const journeyStage = this.enumValue("journey_stage", JOURNEY_STAGES, fail);
    const severity = this.enumValue("severity", SEVERITIES, fail);
    const status = this.enumValue("status", COMPLAINT_STATUSES, fail);
    const excludedReason = this.enumValue("excluded_reason", EXCLUDED_REASONS, fail);
    const narrative = raw("narrative");
    const customerRef = text("customer_ref");

    if (errors.length) return { errors };
    return {
      row: {
        line,
        source,
        externalId,
        receivedOn,
        market,
        channel: channel as Channel,
        summary,
        product,
        category,
        journeyStage,
        narrative: narrative === "" ? null : narrative,
        customerRef: customerRef || null,
        appUser,
        severity,
        status,
        excludedReason,
        rootCauseIds,
      },
    };
  }

  private columnName(field: MappingTarget): string {
    return this.columnOf.get(field)?.header ?? field;
  }

  private mapValue(field: ValueMappedField, value: string): string {
    const map = this.config.values[field];
    if (!map || !value) return value;
    if (value in map) return map[value];
    const lower = value.toLowerCase();
    for (const [from, to] of Object.entries(map)) if (from.toLowerCase() === lower) return to;
    return value;
  }

  private enumValue<T extends string>(
    field: "channel" | "journey_stage" | "severity" | "status" | "excluded_reason",
    allowed: readonly T[],
    fail: (field: MappingTarget, reason: string) => void,
    required = false,
  ): T | null {
    const rawText = this.rawValue(field).trim();
    const mapped = field === "excluded_reason" ? rawText : this.mapValue(field, rawText);
    if (!mapped) {
      if (required) fail(field, "Is required");
      return null;
    }
    const value = mapped.toLowerCase().replace(/[\s-]+/g, "_");
    if ((allowed as readonly string[]).includes(value)) return value as T;
    fail(field, `"${mapped}" is not one of ${allowed.join(", ")}${this.config.values[field as ValueMappedField] ? "" : " (map it in the mapping's values)"}`);
    return null;
  }

  // The record being resolved; a column's value, else the mapping's constant for the field.
  private current: string[] = [];
  private rawValue(field: MappingTarget): string {
    const column = this.columnOf.get(field);
    return column ? restoreCell(this.current[column.index] ?? "") : (this.config.constants[field] ?? "");
  }

  private product(name: string, fail: (field: MappingTarget, reason: string) => void): ProductRef | null {
    if (!name) return null;
    const mapped = this.mapValue("product", name);
    const id = this.lookups.products.get(mapped.toLowerCase());
    if (id) return { id };
    if (this.config.unknownProducts === "create") return { create: mapped };
    if (this.config.unknownProducts === "blank") return null;
    fail("product", `Unknown product "${mapped}"`);
    return null;
  }

  private category(parentText: string, childText: string, fail: (field: MappingTarget, reason: string) => void): CategoryRef | null {
    if (!parentText) return null;
    let joined = childText ? `${parentText} > ${childText}` : parentText;
    joined = this.mapValue("category", joined);
    const [parent, ...rest] = joined.split(">").map((s) => s.trim());
    const child = rest.length ? rest.join(" > ") : null;
    if (!parent || (rest.length && !child)) {
      fail("category", `"${joined}" is not "Parent" or "Parent > Child"`);
      return null;
    }
    const id = this.lookups.categories.get(categoryKey(parent, child));
    if (id) return { id };
    if (this.config.unknownCategories === "create") return { create: { parent, child } };
    if (this.config.unknownCategories === "blank") return null;
    fail("category", `Unknown category "${child ? `${parent} > ${child}` : parent}"`);
    return null;
  }

  private rootCauses(list: string, fail: (field: MappingTarget, reason: string) => void): string[] {
    const ids: string[] = [];
    for (const name of list.split("|").map((s) => s.trim()).filter(Boolean)) {
      const id = this.lookups.rootCauses.get(name.toLowerCase());
      if (!id) fail("root_causes", `Unknown root cause "${name}"`);
      else if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  }
}
