import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import type { ComplaintStatus } from "@/lib/domain/values";
import { getCodes, getFormat } from "@/lib/i18n/server";
import { readForPage } from "@/lib/operations/page";
import { previewCustomerErasure } from "@/lib/privacy/operations";
import { EraseCustomer } from "./erase-customer";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("privacy"))("title") };
}

export default async function PrivacyPage({ searchParams }: { searchParams: Promise<{ ref?: string }> }) {
  await requireUser("admin:manage");
  const [t, format, codes] = await Promise.all([getTranslations("privacy"), getFormat(), getCodes()]);
  const ref = (await searchParams).ref?.trim().slice(0, 200) ?? "";
  const covered = ref ? await readForPage(previewCustomerErasure, { customerRef: ref }) : [];
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle>{t("findTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            <form method="get" className="flex flex-wrap items-end gap-3">
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="ref">{t("customerRef")}</Label>
                <Input id="ref" name="ref" defaultValue={ref} required maxLength={200} className="w-72" />
              </div>
              <Button type="submit" variant="secondary">
                {t("search")}
              </Button>
            </form>
          </CardContent>
        </Card>
        {ref ? (
          <Card>
            <CardHeader>
              <CardTitle>{t("coveredTitle")}</CardTitle>
            </CardHeader>
            {covered.length === 0 ? (
              <CardContent>
                <p className="text-sm text-zinc-600">{t("none")}</p>
              </CardContent>
            ) : (
              <>
                <Table aria-label={t("coveredTitle")}>
                  <THead>
                    <TR>
                      <TH scope="col">{t("reference")}</TH>
                      <TH scope="col">{t("received")}</TH>
                      <TH scope="col">{t("status")}</TH>
                    </TR>
                  </THead>
                  <TBody>
                    {covered.map((c) => (
                      <TR key={c.id}>
                        <TD>{c.reference}</TD>
                        <TD className="tabular-nums">{format.day(c.receivedOn)}</TD>
                        <TD>{codes.status[c.status as ComplaintStatus] ?? c.status}</TD>
                      </TR>
                    ))}
                  </TBody>
                </Table>
                <CardContent>
                  <EraseCustomer customerRef={ref} count={covered.length} />
                </CardContent>
              </>
            )}
          </Card>
        ) : null}
      </div>
    </>
  );
}
