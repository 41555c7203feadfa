import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { readMarkets, readMetricTargets, readPublicationReview } from "@/lib/metric/operations";
import { readForPage } from "@/lib/operations/page";
import { MarketPicker } from "../../dashboard/market-picker";
import { PublicationTable } from "./publication-table";
import { PublishThroughForm } from "./publish-through-form";
import { TargetsPanel } from "./targets-panel";

export const metadata: Metadata = { title: "Publication" };

export default async function PublicationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser("admin:manage");
  const params = await searchParams;
  const markets = await readForPage(readMarkets, {});
  const requested = typeof params.market === "string" ? params.market.toUpperCase() : undefined;
  const market =
    markets.find((m) => m.code === requested)?.code ?? markets.find((m) => m.code === "SE")?.code ?? markets[0]?.code;
  if (!market) return <Alert tone="info">No markets yet.</Alert>;
  const [review, targets] = await Promise.all([
    readForPage(readPublicationReview, { market }),
    readForPage(readMetricTargets, { market }),
  ]);
  const differing = review.filter((r) => r.differs);

  return (
    <>
      <PageHeader
        title="Publication"
        description={
          <>
            Publishing freezes a month&apos;s figure for the{" "}
            <Link href={`/zero-mission?market=${market}`} className="text-brand-700 underline underline-offset-2">
              public table
            </Link>
            . A later change to a published month is shown here and published only as a restatement with its reason.
          </>
        }
        actions={<MarketPicker markets={markets} current={market} basePath="/admin/publication" allowAll={false} />}
      />
      <div className="flex flex-col gap-6">
        {differing.length > 0 ? (
          <Alert tone="warning">
            {differing.length} published month{differing.length === 1 ? " has" : "s have"} changed since publication:{" "}
            {differing.map((r) => r.month).join(", ")}. Record a restatement to update the public figure.
          </Alert>
        ) : null}
        <div className="grid gap-6 xl:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>Publish months</CardTitle>
            </CardHeader>
            <CardContent>
              <PublishThroughForm market={market} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Targets</CardTitle>
            </CardHeader>
            <CardContent>
              <TargetsPanel market={market} targets={targets} />
            </CardContent>
          </Card>
        </div>
        <Card>
          <CardHeader>
            <CardTitle>Published vs current</CardTitle>
          </CardHeader>
          <PublicationTable market={market} rows={review} />
        </Card>
      </div>
    </>
  );
}
