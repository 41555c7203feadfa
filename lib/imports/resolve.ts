import { MIN_DATE } from "@/lib/bounds";
import type { Channel } from "@/lib/domain/values";
import type { Phrase } from "@/lib/i18n/say";
import { isCountryCode } from "@/lib/taxonomies/countries";
import { restoreCell } from "./csv-safety";
import { parseDate, todayIso } from "./dates";
import { EXTERNAL_ID_MAX, MAPPING_TARGETS, type MappingTarget, SUMMARY_MAX, type ValueMappedField } from "./fields";
import { FirstLines } from "./first-lines";
import { ReferenceResolver } from "./resolve-references";
import type { Lookups, ResolvedRow, RowError } from "./resolve-types";
import {
  APP_USER_FALSE,
  APP_USER_TRUE,
  CHANNEL_SPEC,
  codePointEnd,
  codePointLength,
  ENUM_SEPARATORS,
  type EnumField,
  type EnumSpec,
  EXCLUDED_REASON_SPEC,
  JOURNEY_STAGE_SPEC,
  MARKET_CODE,
  MEMO_MAX,
  SEVERITY_SPEC,
  SOURCE_NAME,
  STATUS_SPEC,
} from "./resolve-values";
import { rowProblem } from "./stored-words";
import type { MappingConfig } from "./validations";

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
  /** The external ids met in this pass, as digests (see FirstLines). */
  private readonly seen = new FirstLines();
  private readonly today = todayIso();
  private readonly dates = new Map<string, string | null>();
  private readonly references: ReferenceResolver;

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
    this.references = new ReferenceResolver(config, lookups, this);
  }

  /** Forget external ids seen so far (each pass over the file starts afresh). */
  reset() {
    this.seen.clear();
  }

  resolve(line: number, values: string[]): { row: ResolvedRow } | { errors: RowError[] } {
    if (values.length !== this.headers.length) {
      return {
        errors: [
          rowProblem(line, null, [
            "importRules.row.fieldCount",
            { count: values.length, headers: this.headers.length },
          ]),
        ],
      };
    }
    const errors: RowError[] = [];
    // PostgreSQL text cannot hold U+0000; caught here, the row is named instead of a batch failing later.
    for (const i of this.mappedColumns) {
      if (values[i]?.includes("\u0000")) errors.push(rowProblem(line, this.headers[i] ?? null, "importRules.row.nul"));
    }

    const externalId = this.text(values, "external_id");
    if (!externalId) this.fail(errors, line, "external_id", "importRules.row.required");
    else if (externalId.length > EXTERNAL_ID_MAX)
      this.fail(errors, line, "external_id", ["importRules.row.tooLong", { max: EXTERNAL_ID_MAX }]);
    else {
      const firstLine = this.seen.firstLine(externalId, line);
      if (firstLine !== undefined)
        this.fail(errors, line, "external_id", ["importRules.row.repeats", { value: externalId, line: firstLine }]);
    }

    let receivedOn = "";
    const dateText = this.text(values, "received_on");
    if (!dateText) this.fail(errors, line, "received_on", "importRules.row.required");
    else {
      const parsed = this.date(dateText);
      if (!parsed)
        this.fail(errors, line, "received_on", [
          "importRules.row.notDate",
          { value: dateText, format: this.config.dateFormat },
        ]);
      else if (parsed > this.today)
        this.fail(errors, line, "received_on", ["importRules.row.inFuture", { date: parsed }]);
      else if (parsed < MIN_DATE)
        this.fail(errors, line, "received_on", ["importRules.row.tooEarly", { date: parsed, min: MIN_DATE }]);
      else receivedOn = parsed;
    }

    const market = this.mapValue("market", this.text(values, "market")).toUpperCase();
    if (!market) this.fail(errors, line, "market", "importRules.row.required");
    else if (!MARKET_CODE.test(market))
      this.fail(errors, line, "market", ["importRules.row.notMarketCode", { value: market }]);
    else if (!this.lookups.markets.has(market) && !this.config.createMarkets[market]) {
      if (!this.config.createMissing)
        this.fail(errors, line, "market", ["importRules.row.unknownMarket", { value: market }]);
      else if (!isCountryCode(market))
        this.fail(errors, line, "market", ["importRules.row.notCountry", { value: market }]);
    }

    const channel = this.enumValue(values, errors, line, "channel", CHANNEL_SPEC, true);

    let summary = this.text(values, "summary");
    if (!summary) this.fail(errors, line, "summary", "importRules.row.required");
    // No more code units than the limit means no more characters either.
    else if (summary.length > SUMMARY_MAX) {
      const length = codePointLength(summary);
      if (length > SUMMARY_MAX) {
        if (this.config.truncateSummary) summary = summary.slice(0, codePointEnd(summary, SUMMARY_MAX));
        else this.fail(errors, line, "summary", ["importRules.row.summaryTooLong", { length, max: SUMMARY_MAX }]);
      }
    }

    const product = this.references.product(this.text(values, "product"), errors, line);
    const category = this.references.category(values, errors, line);
    const causes = this.references.rootCauses(this.text(values, "root_causes"), errors, line);

    let appUser: boolean | null = null;
    const appText = this.text(values, "app_user").toLowerCase();
    if (APP_USER_TRUE.has(appText)) appUser = true;
    else if (APP_USER_FALSE.has(appText)) appUser = false;
    else if (appText) this.fail(errors, line, "app_user", ["importRules.row.notBoolean", { value: appText }]);

    let source = this.config.source;
    const sourceText = this.text(values, "source");
    if (sourceText) {
      if (SOURCE_NAME.test(sourceText)) source = sourceText;
      else this.fail(errors, line, "source", ["importRules.row.notSource", { value: sourceText }]);
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

  fail(errors: RowError[], line: number, field: MappingTarget, phrase: Phrase) {
    // A reason may quote the cell: personal data in it is masked before it is stored or shown.
    errors.push(rowProblem(line, this.columnName(field), phrase));
  }

  private columnName(field: MappingTarget): string {
    const index = this.indexOf[field];
    return this.headers[index] ?? field;
  }

  mapValue(field: ValueMappedField, value: string): string {
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
      if (required) this.fail(errors, line, field, "importRules.row.required");
      return null;
    }
    // Allowed values are lower case with underscores, so one of them is its own normal form.
    if (allowed.set.has(mapped)) return mapped as T;
    const value = mapped.toLowerCase().replace(ENUM_SEPARATORS, "_");
    if (allowed.set.has(value)) return value as T;
    const mapIt = !this.config.values[field as ValueMappedField];
    this.fail(errors, line, field, [
      mapIt ? "importRules.row.notOneOfMapIt" : "importRules.row.notOneOf",
      { value: mapped, allowed: allowed.list.join(", ") },
    ]);
    return null;
  }

  /** A column's value, else the mapping's constant for the field. */
  private raw(values: string[], field: MappingTarget): string {
    const index = this.indexOf[field];
    return index >= 0 ? restoreCell(values[index] ?? "") : (this.config.constants[field] ?? "");
  }

  text(values: string[], field: MappingTarget): string {
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
}
