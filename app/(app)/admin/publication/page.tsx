import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { monthLabel } from "@/lib/metric/labels";
import { readMarkets, readMetricTargets, readPublicationReview } from "@/lib/metric/operations";
import { readForPage } from "@/lib/operations/page";
import { MarketPicker } from "../../dashboard/market-picker";
import { PublicationTable } from "./publication-table";
import { PublishThroughForm } from "./publish-through-form";
import { TargetsPanel } from "./targets-panel";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("publication"))("title") };
}

export default async function PublicationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser("admin:manage");
  const [t, locale] = await Promise.all([getTranslations("publication"), getLocale()]);
  const params = await searchParams;
  const markets = await readForPage(readMarkets, {});
  const requested = typeof params.market === "string" ? params.market.toUpperCase() : undefined;
  const market =
    markets.find((m) => m.code === requested)?.code ?? markets.find((m) => m.code === "SE")?.code ?? markets[0]?.code;
  if (!market) return <Alert tone="info">{t("noMarkets")}</Alert>;
  const [review, targets] = await Promise.all([
    readForPage(readPublicationReview, { market }),
    readForPage(readMetricTargets, { market }),
  ]);
  const differing = review.filter((r) => r.differs);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t.rich("description", {
          link: (chunks) => (
            <Link href={`/zero-mission?market=${market}`} className="text-brand-700 underline underline-offset-2">
              {chunks}
            </Link>
          ),
        })}
        actions={<MarketPicker markets={markets} current={market} basePath="/admin/publication" allowAll={false} />}
      />
      <div className="flex flex-col gap-6">
        {differing.length > 0 ? (
          <Alert tone="warning">
            {t("changed", {
              count: differing.length,
              months: differing.map((r) => monthLabel(r.month, locale)).join(", "),
            })}
          </Alert>
        ) : null}
        <div className="grid gap-6 xl:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>{t("publishTitle")}</CardTitle>
            </CardHeader>
            <CardContent>
              <PublishThroughForm market={market} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("targetsTitle")}</CardTitle>
            </CardHeader>
            <CardContent>
              <TargetsPanel market={market} targets={targets} />
            </CardContent>
          </Card>
        </div>
        <Card>
          <CardHeader>
            <CardTitle>{t("reviewTitle")}</CardTitle>
          </CardHeader>
          <PublicationTable market={market} rows={review} />
        </Card>
      </div>
    </>
  );
}
