import {
  CHANNELS,
  type Channel,
  COMPLAINT_STATUSES,
  type ComplaintStatus,
  EXCLUDED_REASONS,
  type ExcludedReason,
  JOURNEY_STAGES,
  type JourneyStage,
  SEVERITIES,
  type Severity,
} from "@/db/schema/enums";
import { MIN_DATE } from "@/lib/bounds";
import { redactText } from "@/lib/privacy/redact";
import { isCountryCode } from "@/lib/taxonomies/countries";
import { CREATE_MISSING_HINT } from "@/lib/taxonomies/create-missing";
import { restoreCell } from "./csv-safety";
import { parseDate, todayIso } from "./dates";
import { EXTERNAL_ID_MAX, MAPPING_TARGETS, type MappingTarget, SUMMARY_MAX, type ValueMappedField } from "./fields";
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
  /** With createMissing, when a root cause is unknown: all the row's root-cause names, in order (ids come on write). */
  rootCauseNames?: string[];
};

export const categoryKey = (parent: string, child: string | null) =>
  (child ? `${parent.trim()} > ${child.trim()}` : parent.trim()).toLowerCase();

const APP_USER_TRUE = new Set(["true", "yes", "1", "ja", "y"]);
const APP_USER_FALSE = new Set(["false", "no", "0", "nej", "n"]);
const MARKET_CODE = /^[A-Z]{2}$/;
const SOURCE_NAME = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const ENUM_SEPARATORS = /[\s-]+/g;

type EnumField = "channel" | "journey_stage" | "severity" | "status" | "excluded_reason";
type EnumSpec<T extends string> = { list: readonly T[]; set: ReadonlySet<string> };
const enumSpec = <T extends string>(list: readonly T[]): EnumSpec<T> => ({ list, set: new Set(list) });
const CHANNEL_SPEC = enumSpec(CHANNELS);
const JOURNEY_STAGE_SPEC = enumSpec(JOURNEY_STAGES);
const SEVERITY_SPEC = enumSpec(SEVERITIES);
const STATUS_SPEC = enumSpec(COMPLAINT_STATUSES);
const EXCLUDED_REASON_SPEC = enumSpec(EXCLUDED_REASONS);

// Files repeat the same dates and categories row after row: what each parses to is remembered,
// for this many distinct values at most.
const MEMO_MAX = 10_000;

/** A category cell split into parent and child, with its lookup key; null when it is neither "Parent" nor "Parent > Child". */
type CategoryName = { parent: string; child: string | null; key: string } | null;

function splitCategory(joined: string): CategoryName {
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
function codePointEnd(text: string, max: number): number {
  let i = 0;
  for (let count = 0; count < max && i < text.length; count++) {
    i += isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}

/** Characters (code points) in the text: `[...text].length` without building the array. */
function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++, count++) {
    if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) i++;
  }
  return count;
}

/**
 * Turns one file record into a row ready to store, or the reasons it cannot be stored.
 * Runs for every row of every pass, so it allocates little and builds no closures per row.
 */
export class RowResolver {
  /** Per field, the index of its column, or -1 when the mapping's constant (or nothing) fills it. */
  private readonly indexOf = {} as Record<MappingTarget, number>;
  /** Per value-mapped field, its map's keys lower-cased → value (the first key wins, as in a scan). */
  private readonly lowerMaps = new Map<ValueMappedField, Map<string, string>>();
  /** Indexes of the columns the mapping reads (the others are ignored). */
  private readonly mappedColumns: number[] = [];
  private readonly seen = new Map<string, number>();
  private readonly today = todayIso();
  private readonly dates = new Map<string, string | null>();
  private readonly categoryNames = new Map<string, CategoryName>();
  /** One `{ id }` per product or category for all the rows naming it: a cache of resolved rows allocates less. */
  private readonly refs = new Map<string, { id: string }>();

  constructor(
    private readonly config: MappingConfig,
    private readonly headers: string[],
    private readonly lookups: Lookups,
  ) {
    for (const field of MAPPING_TARGETS) this.indexOf[field] = -1;
    headers.forEach((header, index) => {
      const target = config.columns[header];
      if (target) this.mappedColumns.push(index);
      if (target && this.indexOf[target] < 0) this.indexOf[target] = index;
    });
    for (const [field, map] of Object.entries(config.values) as [
      ValueMappedField,
      Record<string, string> | undefined,
    ][]) {
      if (!map) continue;
      const lower = new Map<string, string>();
      for (const [from, to] of Object.entries(map)) {
        const key = from.toLowerCase();
        if (!lower.has(key)) lower.set(key, to);
      }
      this.lowerMaps.set(field, lower);
    }
  }

  /** Forget external ids seen so far (each pass over the file starts afresh). */
  reset() {
    this.seen.clear();
  }

  resolve(line: number, values: string[]): { row: ResolvedRow } | { errors: RowError[] } {
    if (values.length !== this.headers.length) {
      return {
        errors: [{ line, column: null, reason: `Has ${values.length} fields; the header has ${this.headers.length}` }],
      };
    }
    const errors: RowError[] = [];
    // PostgreSQL text cannot hold U+0000; caught here, the row is named instead of a batch failing later.
    for (const i of this.mappedColumns) {
      if (values[i]?.includes("\u0000"))
        errors.push({
          line,
          column: this.headers[i] ?? null,
          reason: "Contains a NUL character, which cannot be stored",
        });
    }

    const externalId = this.text(values, "external_id");
    if (!externalId) this.fail(errors, line, "external_id", "Is required");
    else if (externalId.length > EXTERNAL_ID_MAX)
      this.fail(errors, line, "external_id", `Is longer than ${EXTERNAL_ID_MAX} characters`);
    else {
      const firstLine = this.seen.get(externalId);
      if (firstLine !== undefined)
        this.fail(errors, line, "external_id", `Repeats "${externalId}" from line ${firstLine}`);
      else this.seen.set(externalId, line);
    }

    let receivedOn = "";
    const dateText = this.text(values, "received_on");
    if (!dateText) this.fail(errors, line, "received_on", "Is required");
    else {
      const parsed = this.date(dateText);
      if (!parsed)
        this.fail(errors, line, "received_on", `"${dateText}" is not a date in the form ${this.config.dateFormat}`);
      else if (parsed > this.today) this.fail(errors, line, "received_on", `${parsed} is in the future`);
      else if (parsed < MIN_DATE) this.fail(errors, line, "received_on", `${parsed} is before ${MIN_DATE}`);
      else receivedOn = parsed;
    }

    const market = this.mapValue("market", this.text(values, "market")).toUpperCase();
    if (!market) this.fail(errors, line, "market", "Is required");
    else if (!MARKET_CODE.test(market))
      this.fail(errors, line, "market", `"${market}" is not a two-letter market code`);
    else if (!this.lookups.markets.has(market) && !this.config.createMarkets[market]) {
      if (!this.config.createMissing)
        this.fail(errors, line, "market", `Unknown market "${market}" (${CREATE_MISSING_HINT})`);
      else if (!isCountryCode(market))
        this.fail(
          errors,
          line,
          "market",
          `"${market}" is not an ISO 3166-1 alpha-2 country code, so no market is created for it`,
        );
    }

    const channel = this.enumValue(values, errors, line, "channel", CHANNEL_SPEC, true);

    let summary = this.text(values, "summary");
    if (!summary) this.fail(errors, line, "summary", "Is required");
    // No more code units than the limit means no more characters either.
    else if (summary.length > SUMMARY_MAX) {
      const length = codePointLength(summary);
      if (length > SUMMARY_MAX) {
        if (this.config.truncateSummary) summary = summary.slice(0, codePointEnd(summary, SUMMARY_MAX));
        else this.fail(errors, line, "summary", `Is ${length} characters; at most ${SUMMARY_MAX}`);
      }
    }

    const product = this.product(this.text(values, "product"), errors, line);
    const category = this.category(values, errors, line);
    const causes = this.rootCauses(this.text(values, "root_causes"), errors, line);

    let appUser: boolean | null = null;
    const appText = this.text(values, "app_user").toLowerCase();
    if (APP_USER_TRUE.has(appText)) appUser = true;
    else if (APP_USER_FALSE.has(appText)) appUser = false;
    else if (appText) this.fail(errors, line, "app_user", `"${appText}" is not true or false`);

    let source = this.config.source;
    const sourceText = this.text(values, "source");
    if (sourceText) {
      if (SOURCE_NAME.test(sourceText)) source = sourceText;
      else this.fail(errors, line, "source", `"${sourceText}" is not a source name`);
    }

    const journeyStage = this.enumValue(values, errors, line, "journey_stage", JOURNEY_STAGE_SPEC);
    const severity = this.enumValue(values, errors, line, "severity", SEVERITY_SPEC);
    const status = this.enumValue(values, errors, line, "status", STATUS_SPEC);
    const excludedReason = this.enumValue(values, errors, line, "excluded_reason", EXCLUDED_REASON_SPEC);
    const narrative = this.raw(values, "narrative");
    const customerRef = this.text(values, "customer_ref");

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
        rootCauseIds: causes.ids,
        ...(causes.names ? { rootCauseNames: causes.names } : {}),
      },
    };
  }

  private fail(errors: RowError[], line: number, field: MappingTarget, reason: string) {
    // A reason may quote the cell: personal data in it is masked before it is stored or shown.
    errors.push({ line, column: this.columnName(field), reason: redactText(reason) });
  }

  private columnName(field: MappingTarget): string {
    const index = this.indexOf[field];
    return this.headers[index] ?? field;
  }

  private mapValue(field: ValueMappedField, value: string): string {
    const map = this.config.values[field];
    if (!map || !value) return value;
    if (value in map) return map[value] ?? value;
    return this.lowerMaps.get(field)?.get(value.toLowerCase()) ?? value;
  }

  private enumValue<T extends string>(
    values: string[],
    errors: RowError[],
    line: number,
    field: EnumField,
    allowed: EnumSpec<T>,
    required = false,
  ): T | null {
    const rawText = this.text(values, field);
    const mapped = field === "excluded_reason" ? rawText : this.mapValue(field, rawText);
    if (!mapped) {
      if (required) this.fail(errors, line, field, "Is required");
      return null;
    }
    // Allowed values are lower case with underscores, so one of them is its own normal form.
    if (allowed.set.has(mapped)) return mapped as T;
    const value = mapped.toLowerCase().replace(ENUM_SEPARATORS, "_");
    if (allowed.set.has(value)) return value as T;
    this.fail(
      errors,
      line,
      field,
      `"${mapped}" is not one of ${allowed.list.join(", ")}${this.config.values[field as ValueMappedField] ? "" : " (map it in the mapping's values)"}`,
    );
    return null;
  }

  /** A column's value, else the mapping's constant for the field. */
  private raw(values: string[], field: MappingTarget): string {
    const index = this.indexOf[field];
    return index >= 0 ? restoreCell(values[index] ?? "") : (this.config.constants[field] ?? "");
  }

  private text(values: string[], field: MappingTarget): string {
    return this.raw(values, field).trim();
  }

  private date(text: string): string | null {
    let parsed = this.dates.get(text);
    if (parsed === undefined) {
      parsed = parseDate(text, this.config.dateFormat);
      if (this.dates.size < MEMO_MAX) this.dates.set(text, parsed);
    }
    return parsed;
  }

  private product(name: string, errors: RowError[], line: number): ProductRef | null {
    if (!name) return null;
    const mapped = this.mapValue("product", name);
    const id = this.lookups.products.get(mapped.toLowerCase());
    if (id) return this.ref(id);
    if (this.config.unknownProducts === "create") return { create: mapped };
    if (this.config.unknownProducts === "blank") return null;
    this.fail(errors, line, "product", `Unknown product "${mapped}"${this.hint("unknownProducts")}`);
    return null;
  }

  private category(values: string[], errors: RowError[], line: number): CategoryRef | null {
    const parentText = this.text(values, "category");
    if (!parentText) return null;
    const childText = this.text(values, "category_detail");
    let joined = childText ? `${parentText} > ${childText}` : parentText;
    joined = this.mapValue("category", joined);
    let name = this.categoryNames.get(joined);
    if (name === undefined) {
      name = splitCategory(joined);
      if (this.categoryNames.size < MEMO_MAX) this.categoryNames.set(joined, name);
    }
    if (!name) {
      this.fail(errors, line, "category", `"${joined}" is not "Parent" or "Parent > Child"`);
      return null;
    }
    const { parent, child } = name;
    const id = this.lookups.categories.get(name.key);
    if (id) return this.ref(id);
    if (this.config.unknownCategories === "create") return { create: { parent, child } };
    if (this.config.unknownCategories === "blank") return null;
    this.fail(
      errors,
      line,
      "category",
      `Unknown category "${child ? `${parent} > ${child}` : parent}"${this.hint("unknownCategories")}`,
    );
    return null;
  }

  private ref(id: string): { id: string } {
    let ref = this.refs.get(id);
    if (!ref) this.refs.set(id, (ref = { id }));
    return ref;
  }

  /** The create-missing hint, where the mapping itself does not decide what happens to an unknown name. */
  private hint(policy: "unknownProducts" | "unknownCategories"): string {
    return this.config[policy] === "error" ? ` (${CREATE_MISSING_HINT})` : "";
  }

  private rootCauses(list: string, errors: RowError[], line: number): { ids: string[]; names?: string[] } {
    const ids: string[] = [];
    if (!list) return { ids };
    const names: string[] = [];
    let unknown = false;
    for (const part of list.split("|")) {
      const name = part.trim();
      if (!name || names.some((n) => n.toLowerCase() === name.toLowerCase())) continue;
      names.push(name);
      const id = this.lookups.rootCauses.get(name.toLowerCase());
      if (id) {
        if (!ids.includes(id)) ids.push(id);
      } else if (this.config.createMissing) unknown = true;
      else this.fail(errors, line, "root_causes", `Unknown root cause "${name}" (${CREATE_MISSING_HINT})`);
    }
    return unknown ? { ids, names } : { ids };
  }
}
