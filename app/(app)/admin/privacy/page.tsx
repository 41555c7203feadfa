import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { readForPage } from "@/lib/operations/page";
import { previewCustomerErasure } from "@/lib/privacy/operations";
import { EraseCustomer } from "./erase-customer";

export const metadata: Metadata = { title: "Erasure" };

export default async function PrivacyPage({ searchParams }: { searchParams: Promise<{ ref?: string }> }) {
  await requireUser("admin:manage");
  const ref = (await searchParams).ref?.trim().slice(0, 200) ?? "";
  const covered = ref ? await readForPage(previewCustomerErasure, { customerRef: ref }) : [];
  return (
    <>
      <PageHeader
        title="Erasure"
        description="Erase a customer's personal data on their request: every complaint with their customer reference loses its narrative and customer reference, and personal data is masked in summaries, comments, notes, remediation notes, audit history and import messages; stored uploads naming them are dropped. Every figure stays as it was."
      />
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Find the customer</CardTitle>
          </CardHeader>
          <CardContent>
            <form method="get" className="flex flex-wrap items-end gap-3">
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="ref">Customer reference</Label>
                <Input id="ref" name="ref" defaultValue={ref} required maxLength={200} className="w-72" />
              </div>
              <Button type="submit" variant="secondary">
                Search
              </Button>
            </form>
          </CardContent>
        </Card>
        {ref ? (
          <Card>
            <CardHeader>
              <CardTitle>Complaints covered</CardTitle>
            </CardHeader>
            {covered.length === 0 ? (
              <CardContent>
                <p className="text-sm text-zinc-600">No complaint has this customer reference.</p>
              </CardContent>
            ) : (
              <>
                <Table aria-label="Complaints covered">
                  <THead>
                    <TR>
                      <TH scope="col">Reference</TH>
                      <TH scope="col">Received</TH>
                      <TH scope="col">Status</TH>
                    </TR>
                  </THead>
                  <TBody>
                    {covered.map((c) => (
                      <TR key={c.id}>
                        <TD>{c.reference}</TD>
                        <TD className="tabular-nums">{c.receivedOn}</TD>
                        <TD>{c.status.replaceAll("_", " ")}</TD>
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
