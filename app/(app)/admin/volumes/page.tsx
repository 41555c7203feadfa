import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { readMarkets, readProductOptions, readVolumes } from "@/lib/metric/operations";
import { readForPage } from "@/lib/operations/page";
import { MarketPicker } from "../../dashboard/market-picker";
import { VolumeForm } from "./volume-form";
import { VolumeImport } from "./volume-import";
import { VolumesTable } from "./volumes-table";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("volumes"))("title") };
}

export default async function VolumesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser("admin:manage");
  const t = await getTranslations("volumes");
  const params = await searchParams;
  const [markets, products] = await Promise.all([readForPage(readMarkets, {}), readForPage(readProductOptions, {})]);
  const requested = typeof params.market === "string" ? params.market.toUpperCase() : undefined;
  const market =
    markets.find((m) => m.code === requested)?.code ?? markets.find((m) => m.code === "SE")?.code ?? markets[0]?.code;
  const volumes = market ? await readForPage(readVolumes, { market }) : [];

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={<MarketPicker markets={markets} current={market ?? null} basePath="/admin/volumes" allowAll={false} />}
      />
      <div className="grid gap-6 xl:grid-cols-[minmax(0,26rem)_minmax(0,1fr)]">
        <div className="flex flex-col gap-6">
          <Card>
            <CardHeader>
              <CardTitle>{t("enterTitle")}</CardTitle>
            </CardHeader>
            <CardContent>
              <VolumeForm markets={markets} products={products} defaultMarket={market ?? ""} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <div>
                <CardTitle>{t("pasteTitle")}</CardTitle>
                <p className="mt-1 text-sm text-zinc-600">
                  {t.rich("pasteHelp", { code: (chunks) => <code>{chunks}</code> })}
                </p>
              </div>
            </CardHeader>
            <CardContent>
              <VolumeImport />
            </CardContent>
          </Card>
        </div>
        <Card>
          <CardHeader>
            <CardTitle>
              {t("storedTitle", { market: markets.find((m) => m.code === market)?.name ?? t("noMarkets") })}
            </CardTitle>
          </CardHeader>
          <VolumesTable volumes={volumes.map((v) => ({ ...v, updatedAt: v.updatedAt.toISOString() }))} />
        </Card>
      </div>
    </>
  );
}
