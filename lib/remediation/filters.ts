import { z } from "zod";
import { REMEDIATION_STATUSES } from "@/db/schema/enums";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation";

export const REMEDIATION_SORT_KEYS = [
  "title",
  "status",
  "owner",
  "dueOn",
  "shippedOn",
  "market",
  "updatedAt",
  "createdAt",
] as const;
export type RemediationSortKey = (typeof REMEDIATION_SORT_KEYS)[number];
export const DEFAULT_REMEDIATION_SORT = { key: "updatedAt", direction: "desc" } as const;
export const DEFAULT_REMEDIATION_PER_PAGE = 25;

export const remediationFiltersSchema = z.object({
  status: z.array(z.enum(REMEDIATION_STATUSES, { message: "Not a remediation status" })).default([]),
  owner: z.array(z.uuid({ message: "Must be a user id" })).default([]),
  rootCause: z.array(z.uuid({ message: "Must be a root cause id" })).default([]),
  market: z.array(z.string().regex(/^[A-Z]{2}$/, "Use a two-letter market code such as SE")).default([]),
  sort: z
    .object({
      key: z.enum(REMEDIATION_SORT_KEYS, { message: `Sort by one of ${REMEDIATION_SORT_KEYS.join(", ")}` }),
      direction: z.enum(["asc", "desc"]),
    })
    .default({ ...DEFAULT_REMEDIATION_SORT }),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  perPage: z.coerce.number().int().min(1).max(200, "At most 200 rows per page").default(DEFAULT_REMEDIATION_PER_PAGE),
});
export type RemediationFilters = z.output<typeof remediationFiltersSchema>;

/** URL parameter names, as the list's URL and the API spell them. */
export const REMEDIATION_PARAMS = {
  status: "status",
  owner: "owner",
  rootCause: "root_cause",
  market: "market",
  sort: "sort",
  page: "page",
  perPage: "per_page",
} as const satisfies Record<keyof RemediationFilters, string>;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function valuesOf(params: Params, ...names: string[]): string[] {
  const raw = [...new Set(names)].flatMap((name) =>
    params instanceof URLSearchParams ? params.getAll(name) : [params[name] ?? []].flat(),
  );
  // Lists come as repeated parameters or comma-separated (nuqs writes `status=proposed,approved`).
  return raw
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** `dueOn.desc`, `-dueOn` or `dueOn`; snake_case keys are accepted too. */
function parseSort(raw: string | undefined) {
  if (!raw) return undefined;
  let key = raw;
  let direction = "asc";
  const match = /^(.+)[.:](asc|desc)$/i.exec(raw);
  if (raw.startsWith("-")) [key, direction] = [raw.slice(1), "desc"];
  else if (match) [key, direction] = [match[1]!, match[2]!.toLowerCase()];
  return { key: key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), direction };
}

/** Reads the list's filters from a URL query; a known parameter with a bad value is refused by name. */
export function parseRemediationFilters(params: Params): RemediationFilters {
  const input: Record<string, unknown> = {};
  for (const key of ["status", "owner", "rootCause", "market"] as const) {
    const values = valuesOf(params, REMEDIATION_PARAMS[key], key);
    if (values.length) input[key] = key === "market" ? values.map((v) => v.toUpperCase()) : values;
  }
  for (const key of ["page", "perPage"] as const) {
    const [value] = valuesOf(params, REMEDIATION_PARAMS[key], key);
    if (value !== undefined) input[key] = value;
  }
  const sort = parseSort(valuesOf(params, "sort")[0]);
  if (sort) input.sort = sort;
  const parsed = remediationFiltersSchema.safeParse(input);
  if (!parsed.success) {
    const details = Object.entries(fieldErrorsOf(parsed.error)).map(([path, messages]) => {
      const [head, ...rest] = path.split(".");
      const name = REMEDIATION_PARAMS[head as keyof RemediationFilters] ?? head;
      return { path: [name, ...rest].join("."), message: messages.join("; ") };
    });
    throw new AppError("invalid", "Some filters are invalid", details);
  }
  return parsed.data;
}
