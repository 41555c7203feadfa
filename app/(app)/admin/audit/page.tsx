import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { readAuditLog } from "@/lib/audit/operations";
import { auditFiltersInput, auditFiltersSchema } from "@/lib/audit/search";
import { requireUser } from "@/lib/auth/session";
import { messagesFor } from "@/lib/i18n/messages";
import { getFormat } from "@/lib/i18n/server";
import { readAsUser } from "@/lib/operations/page";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

const FILTERS = ["user", "action", "entityType", "entityId", "from", "to"] as const;

/** Message keys cannot hold dots: "complaint.root_cause.add" is found under "complaint_root_cause_add". */
const wordKey = (code: string) => code.replaceAll(".", "_");

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
  const [t, format, locale] = await Promise.all([getTranslations("audit"), getFormat(), getLocale()]);
  // An action or entity type this page has no words for yet shows as its code.
  const words = messagesFor(locale).audit;
  const actionWords = (code: string) => (words.actions as Record<string, string>)[wordKey(code)] ?? code;
  const entityWords = (code: string) => (words.entities as Record<string, string>)[wordKey(code)] ?? code;
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
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-6">
        <Card>
          <CardContent className="pt-6">
            <form method="get" className="grid grid-cols-1 gap-3 sm:grid-cols-3" aria-label={t("filters.label")}>
              {FILTERS.map((key) => (
                <Field
                  key={key}
                  label={t(`filters.${key}`)}
                  htmlFor={`audit-${key}`}
                  error={errors[key]}
                  hint={key === "action" ? t("filters.actionHint") : undefined}
                >
                  <Input
                    id={`audit-${key}`}
                    name={key}
                    defaultValue={raw.get(key) ?? ""}
                    aria-invalid={!!errors[key]}
                  />
                </Field>
              ))}
              <div className="flex items-end gap-2 sm:col-span-3">
                <Button type="submit">{t("filters.search")}</Button>
                <a
                  className="text-sm text-brand-700 underline-offset-2 hover:underline"
                  href={`/api/v1/audit-log?${query({ format: "csv" })}`}
                >
                  {t("filters.csv")}
                </a>
              </div>
            </form>
          </CardContent>
        </Card>
        <p className="text-sm text-zinc-600">{t("entries", { count: total })}</p>
        <Table aria-label={t("table.label")}>
          <THead>
            <TR>
              <TH scope="col">{t("table.when")}</TH>
              <TH scope="col">{t("table.who")}</TH>
              <TH scope="col">{t("table.action")}</TH>
              <TH scope="col">{t("table.entity")}</TH>
              <TH scope="col">{t("table.before")}</TH>
              <TH scope="col">{t("table.after")}</TH>
            </TR>
          </THead>
          <TBody>
            {rows.map((r) => (
              <TR key={r.id}>
                <TD className="whitespace-nowrap tabular-nums">{format.dateTime(r.at)}</TD>
                <TD>{r.actor}</TD>
                <TD>
                  {actionWords(r.action)}
                  {/* The code beside the words: what the Action filter takes. */}
                  <span className="block font-mono text-xs text-zinc-500">{r.action}</span>
                </TD>
                <TD className="text-xs">
                  {entityWords(r.entityType)}
                  {r.entityId ? <span className="block text-zinc-500">{r.entityId}</span> : null}
                </TD>
                <TD className="max-w-64 break-all font-mono text-xs text-zinc-600">{brief(r.before)}</TD>
                <TD className="max-w-64 break-all font-mono text-xs text-zinc-600">{brief(r.after ?? r.meta)}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
        {pages > 1 ? (
          <nav aria-label={t("pages.label")} className="flex items-center gap-3 text-sm">
            {filters.page > 1 ? (
              <Link href={`/admin/audit?${query({ page: String(filters.page - 1) })}`}>{t("pages.previous")}</Link>
            ) : null}
            <span>{t("pages.page", { page: filters.page, pages })}</span>
            {filters.page < pages ? (
              <Link href={`/admin/audit?${query({ page: String(filters.page + 1) })}`}>{t("pages.next")}</Link>
            ) : null}
          </nav>
        ) : null}
      </div>
    </>
  );
}
