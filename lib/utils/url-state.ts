import { createMultiParser } from "nuqs/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { type MessageKey, type Phrase, parsingIn, phraseIn, rule, ruleText } from "@/lib/i18n/say";

// A list page's URL state, defined once per list as a map of fields. The same definition gives the
// server its reader (every value checked against its allow-list, each refusal named) and the client
// its nuqs parsers, so the names, the parsing and the defaults cannot drift apart.

/** One value the URL held that its field refused, with the reason in words. */
export type UrlProblem = {
  /** The field's own key (`receivedFrom`), by which a page names it in the reader's language. */
  field: string;
  param: string;
  path: string;
  label: string;
  value: string;
  /** For the API: what a valid value looks like. */
  message: string;
  /** For a person reading the page: what was done instead. */
  explanation: string;
};

type FieldProblem = { index?: number; value: string; message: string };

export type UrlField<T> = {
  /** What the field is called in a sentence ("Status", "Rows per page"). */
  label: string;
  /** The value when the URL has none; undefined for a field that is simply absent. */
  defaultValue: T;
  /** Every value the URL holds under the field's name (repeated or not). */
  read(raw: readonly string[]): { value?: T; problems: FieldProblem[] };
  /** The URL's spelling of a value. */
  write(value: T): string;
  eq(a: T, b: T): boolean;
  /** Words for a person when a value is left out; the message itself by default. */
  explain?: string;
};

export type UrlFields = Record<string, UrlField<unknown>>;
export type UrlValues<F extends UrlFields> = { [K in keyof F]: F[K] extends UrlField<infer T> ? T : never };
export type UrlKeys<F extends UrlFields> = { [K in keyof F]: string };
export type UrlParams = URLSearchParams | Record<string, string | string[] | undefined>;

// Read during the field's parse, so the words are in the language of the parse running (see parsingIn).
const firstMessage = (error: z.ZodError) => error.issues[0]?.message ?? ruleText("adminRules.filters.unknownValue");
const same = <T>(a: T, b: T) => a === b;

/** A list, written `a,b` (as nuqs writes it) or as repeated parameters; each item checked on its own. */
export function listField<T>(label: string, item: z.ZodType<T>, normalise = (s: string) => s): UrlField<T[]> {
  return {
    label,
    defaultValue: [],
    read(raw) {
      const value: T[] = [];
      const problems: FieldProblem[] = [];
      const items = raw
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter(Boolean);
      items.forEach((text, index) => {
        const parsed = item.safeParse(normalise(text));
        if (parsed.success) value.push(parsed.data);
        else problems.push({ index, value: text, message: firstMessage(parsed.error) });
      });
      return { value: value.length ? value : undefined, problems };
    },
    write: (value) => value.join(","),
    eq: (a, b) => a.length === b.length && a.every((v, i) => v === b[i]),
  };
}

/** A single value checked by `schema`; the first non-empty one counts. */
export function oneField<T, D extends T | undefined>(
  label: string,
  schema: z.ZodType<T>,
  defaultValue: D,
  write: (value: T | D) => string = String,
): UrlField<T | D> {
  return customField<T | D>(
    label,
    defaultValue,
    (text) => {
      const parsed = schema.safeParse(text);
      return parsed.success ? { value: parsed.data } : { message: firstMessage(parsed.error) };
    },
    write,
  );
}

/** A field with its own reading (a sort, a flag): `parse` answers the value or the reason it is refused. */
export function customField<T>(
  label: string,
  defaultValue: T,
  parse: (text: string) => { value: T } | { message: string },
  write: (value: T) => string,
  eq: (a: T, b: T) => boolean = same,
): UrlField<T> {
  return {
    label,
    defaultValue,
    read(raw) {
      const text = raw.map((v) => v.trim()).find(Boolean);
      if (text === undefined) return { problems: [] };
      const parsed = parse(text);
      return "value" in parsed ? { value: parsed.value, problems: [] } : { problems: [{ value: text, ...parsed }] };
    },
    write,
    eq,
  };
}

export type SortDirection = "asc" | "desc";

/** `receivedOn.desc`, `-receivedOn` or `receivedOn` (ascending); snake_case keys are accepted too. */
export function parseSort(raw: string | undefined): { key: string; direction: string } | undefined {
  if (!raw) return undefined;
  let key = raw;
  let direction = "asc";
  if (key.startsWith("-")) {
    key = key.slice(1);
    direction = "desc";
  } else {
    const match = /^(.+)[.:](asc|desc)$/i.exec(key);
    if (match?.[1] && match[2]) {
      key = match[1];
      direction = match[2].toLowerCase();
    }
  }
  return { key: key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), direction };
}

/** A sort field over an allow-list of keys, shared by the lists. */
export function sortField<K extends string>(keys: readonly K[], defaultSort: { key: K; direction: SortDirection }) {
  const allowed = (key: string): key is K => (keys as readonly string[]).includes(key);
  const field = customField<{ key: K; direction: SortDirection }>(
    "Sort",
    { ...defaultSort },
    (text) => {
      const sort = parseSort(text);
      if (!sort || !allowed(sort.key))
        return { message: ruleText(["adminRules.filters.sortBy", { keys: keys.join(", ") }]) };
      return { value: { key: sort.key, direction: sort.direction === "desc" ? "desc" : "asc" } };
    },
    (sort) => `${sort.key}.${sort.direction}`,
    (a, b) => a.key === b.key && a.direction === b.direction,
  );
  return {
    ...field,
    // A getter: said in the language of the reading that asks for it.
    get explain() {
      return ruleText("adminRules.filters.sortExplain");
    },
  };
}

/**
 * A positive whole number up to `max`, for page and rows per page, refused in the reader's language:
 * `named` is the field's name in a sentence ("fieldNames.perPage"), `tooMany` what is said past `max`.
 */
export function countField(
  label: string,
  max: number,
  defaultValue: number,
  said: { named: MessageKey; tooMany: Phrase },
) {
  // The field's name, as a sentence's word (lower case), in the language of the parse running.
  const saying = (key: "wholeNumberFor" | "wholeNumberFromOne") => ({
    error: () => ruleText([`adminRules.filters.${key}`, { label: ruleText(said.named).toLowerCase() }]),
  });
  return oneField(
    label,
    z.coerce
      .number(saying("wholeNumberFor"))
      .int(saying("wholeNumberFor"))
      .min(1, saying("wholeNumberFromOne"))
      .max(max, rule(said.tooMany)),
    defaultValue,
  );
}

/** A list's page and rows per page: whole numbers from 1, up to `maxPage` and `maxPerPage`. */
export function pagingFields(maxPage: number, maxPerPage: number, defaultPerPage: number) {
  return {
    page: countField("Page", maxPage, 1, {
      named: "fieldNames.page",
      tooMany: ["complaintRules.filterPagesAtMost", { max: maxPage }],
    }),
    perPage: countField("Rows per page", maxPerPage, defaultPerPage, {
      named: "fieldNames.perPage",
      tooMany: ["complaintRules.filterRowsAtMost", { max: maxPerPage }],
    }),
  };
}

/** One AppError naming every refused parameter, as the API reports it. */
export function invalidFilters(problems: readonly UrlProblem[]): AppError {
  const details = problems.map((p) => ({ path: p.path, message: p.message }));
  return new AppError("invalid", (locale) => ({ message: phraseIn(locale, "adminRules.filters.invalid"), details }));
}

/** The fields with their keys typed as the map's own, so the URL names can be looked up by them. */
function entriesOf<F extends UrlFields>(fields: F) {
  return Object.entries(fields) as [keyof F & string, UrlField<unknown>][];
}

function rawValues(params: UrlParams, names: readonly string[]): string[] {
  return [...new Set(names)].flatMap((name) =>
    params instanceof URLSearchParams ? params.getAll(name) : [params[name] ?? []].flat(),
  );
}

/**
 * Reads every field from a URL (or Next's searchParams object): a value a field refuses falls back
 * to its default and is reported. A field is found under its URL name or, for API callers, its own.
 * With `locale`, the problems are said in that language (the fields' labels are as the list gave them).
 */
export function readUrlState<F extends UrlFields>(
  fields: F,
  keys: UrlKeys<F>,
  params: UrlParams,
  locale?: Locale,
): { values: UrlValues<F>; problems: UrlProblem[] } {
  // The refusals are worded as the fields read, so for a reader they read in the reader's language.
  if (locale) return parsingIn(locale, () => readUrlState(fields, keys, params));
  const values: Record<string, unknown> = {};
  const problems: UrlProblem[] = [];
  for (const [key, field] of entriesOf(fields)) {
    const param = keys[key];
    const read = field.read(rawValues(params, [param, key]));
    values[key] = read.value === undefined ? field.defaultValue : read.value;
    for (const p of read.problems)
      problems.push({
        field: key,
        param,
        path: p.index === undefined ? param : `${param}.${p.index}`,
        label: field.label,
        value: p.value,
        message: p.message,
        explanation: field.explain ?? p.message,
      });
  }
  return { values: values as UrlValues<F>, problems };
}

/**
 * The same fields as nuqs parsers for `useQueryStates(parsers, { urlKeys })`. A value the server would
 * refuse reads as the default here too. Fields without a default read as null when absent.
 */
export function urlParsers<F extends UrlFields>(fields: F) {
  return Object.fromEntries(
    Object.entries(fields).map(([key, field]) => {
      const parser = createMultiParser<unknown>({
        parse: (raw) => field.read(raw).value ?? null,
        serialize: (value) => [field.write(value)],
        eq: (a, b) => field.eq(a, b),
      });
      return [key, field.defaultValue === undefined ? parser : parser.withDefault(field.defaultValue as object)];
    }),
  ) as { [K in keyof F]: UrlParser<UrlValues<F>[K]> };
}

type Multi<T> = ReturnType<typeof createMultiParser<T>>;
type UrlParser<T> = undefined extends T ? Multi<NonNullable<T>> : ReturnType<Multi<NonNullable<T>>["withDefault"]>;

/** Values back to URL parameters, leaving out defaults: the inverse of readUrlState. */
export function urlSerializer<F extends UrlFields>(fields: F, keys: UrlKeys<F>) {
  return (values: Partial<UrlValues<F>>): URLSearchParams => {
    const out = new URLSearchParams();
    for (const [key, field] of entriesOf(fields)) {
      const value = values[key];
      if (value === undefined || value === null || field.eq(value, field.defaultValue)) continue;
      const written = field.write(value);
      if (written) out.set(keys[key], written);
    }
    return out;
  };
}
