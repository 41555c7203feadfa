import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { readAuditLog } from "@/lib/audit/operations";
import { auditFiltersInput, auditFiltersSchema } from "@/lib/audit/search";
import { requireUser } from "@/lib/auth/session";
import { readAsUser } from "@/lib/operations/page";

export const metadata: Metadata = { title: "Audit" };

const FILTERS = [
  { key: "user", label: "User (e-mail, name or id)" },
  { key: "action", label: "Action (or its family)" },
  { key: "entityType", label: "Entity type" },
  { key: "entityId", label: "Entity id" },
  { key: "from", label: "From (YYYY-MM-DD)" },
  { key: "to", label: "To (YYYY-MM-DD)" },
] as const;

function brief(value: unknown): string {
  if (value == null) return "";
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  await requireUser("admin:manage");
  const raw = new URLSearchParams(
    Object.entries(await searchParams).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const result = await readAsUser(readAuditLog, auditFiltersInput(raw));
  if ("error" in result && result.error.code !== "invalid") throw new Error(`audit.readAuditLog: ${result.error.code}`);
  const errors: Record<string, string> = {};
  if ("error" in result)
    for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) errors[key] ??= messages[0] ?? "";
  const found = "data" in result && result.data.format === "json" ? result.data : null;
  const filters = found?.filters ?? auditFiltersSchema.parse({});
  const { rows, total } = found ?? { rows: [], total: 0 };
  const query = (extra: Record<string, string>) => {
    const out = new URLSearchParams(auditFiltersInput(raw));
    for (const [k, v] of Object.entries(extra)) out.set(k, v);
    return out.toString();
  };
  const pages = Math.max(1, Math.ceil(total / filters.perPage));
  return (
    <>
      <PageHeader
        title="Audit"
        description="Every create, update and delete with its before and after, imports, exports, sign-ins and failed sign-ins, role changes, tokens, retention and erasure runs. The log is append-only."
      />
      <div className="flex flex-col gap-6">
        <Card>
          <CardContent className="pt-6">
            <form method="get" className="grid grid-cols-1 gap-3 sm:grid-cols-3" aria-label="Audit filters">
              {FILTERS.map((f) => (
                <Field key={f.key} label={f.label} htmlFor={`audit-${f.key}`} error={errors[f.key]}>
                  <Input
                    id={`audit-${f.key}`}
                    name={f.key}
                    defaultValue={raw.get(f.key) ?? ""}
                    aria-invalid={!!errors[f.key]}
                  />
                </Field>
              ))}
              <div className="flex items-end gap-2 sm:col-span-3">
                <Button type="submit">Search</Button>
                <a
                  className="text-sm text-brand-700 underline-offset-2 hover:underline"
                  href={`/api/v1/audit-log?${query({ format: "csv" })}`}
                >
                  Download CSV
                </a>
              </div>
            </form>
          </CardContent>
        </Card>
        <p className="text-sm text-zinc-600">
          {total.toLocaleString("en-GB")} {total === 1 ? "entry" : "entries"}
        </p>
        <Table aria-label="Audit log">
          <THead>
            <TR>
              <TH scope="col">When (UTC)</TH>
              <TH scope="col">Who</TH>
              <TH scope="col">Action</TH>
              <TH scope="col">Entity</TH>
              <TH scope="col">Before</TH>
              <TH scope="col">After</TH>
            </TR>
          </THead>
          <TBody>
            {rows.map((r) => (
              <TR key={r.id}>
                <TD className="whitespace-nowrap tabular-nums">{r.at.slice(0, 19).replace("T", " ")}</TD>
                <TD>{r.actor}</TD>
                <TD className="font-mono text-xs">{r.action}</TD>
                <TD className="text-xs">
                  {r.entityType}
                  {r.entityId ? <span className="block text-zinc-500">{r.entityId}</span> : null}
                </TD>
                <TD className="max-w-64 break-all font-mono text-xs text-zinc-600">{brief(r.before)}</TD>
                <TD className="max-w-64 break-all font-mono text-xs text-zinc-600">{brief(r.after ?? r.meta)}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
        {pages > 1 ? (
          <nav aria-label="Pages" className="flex items-center gap-3 text-sm">
            {filters.page > 1 ? (
              <Link href={`/admin/audit?${query({ page: String(filters.page - 1) })}`}>Previous</Link>
            ) : null}
            <span>
              Page {filters.page} of {pages}
            </span>
            {filters.page < pages ? (
              <Link href={`/admin/audit?${query({ page: String(filters.page + 1) })}`}>Next</Link>
            ) : null}
          </nav>
        ) : null}
      </div>
    </>
  );
}
