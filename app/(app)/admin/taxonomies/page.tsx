import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { logError } from "@/lib/log";
import { readForPage } from "@/lib/operations/page";
import {
  readAuthorityList,
  readCategoryTree,
  readMarketList,
  readProductList,
  readRootCauseList,
  readStarterOffer,
} from "@/lib/taxonomies/reads";
import { TAXONOMY_TABS, type TaxonomyTab } from "@/lib/taxonomies/validations";
import { cn } from "@/lib/utils/cn";
import { AuthoritiesPanel, NewAuthorityButton } from "./authorities-panel";
import { CategoriesPanel, NewCategoryButton } from "./categories-panel";
import { MarketsPanel, NewMarketButton } from "./markets-panel";
import { NewProductButton, ProductsPanel } from "./products-panel";
import { NewRootCauseButton, RootCausesPanel } from "./root-causes-panel";
import { StarterTaxonomyCard } from "./starter-button";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("taxonomies"))("title") };
}

/** Each tab's words in the taxonomies namespace. */
const TAB_KEY = {
  products: "products",
  categories: "categories",
  "root-causes": "rootCauses",
  authorities: "authorities",
  markets: "markets",
} as const satisfies Record<TaxonomyTab, string>;

async function load(tab: TaxonomyTab): Promise<{ panel: ReactNode; action: ReactNode }> {
  switch (tab) {
    case "products":
      return {
        panel: <ProductsPanel products={await readForPage(readProductList, {})} />,
        action: <NewProductButton />,
      };
    case "categories": {
      const tree = await readForPage(readCategoryTree, {});
      return {
        panel: <CategoriesPanel tree={tree} />,
        action: <NewCategoryButton parents={tree.map(({ id, name }) => ({ id, name }))} />,
      };
    }
    case "root-causes":
      return {
        panel: <RootCausesPanel causes={await readForPage(readRootCauseList, {})} />,
        action: <NewRootCauseButton />,
      };
    case "authorities": {
      const { markets, authorities } = await readForPage(readAuthorityList, {});
      return {
        panel: <AuthoritiesPanel authorities={authorities} />,
        action: <NewAuthorityButton markets={markets} />,
      };
    }
    case "markets":
      return { panel: <MarketsPanel markets={await readForPage(readMarketList, {})} />, action: <NewMarketButton /> };
  }
}

export default async function TaxonomiesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireUser("admin:manage");
  const t = await getTranslations("taxonomies");
  const requested = (await searchParams).tab;
  const tab = TAXONOMY_TABS.find((key) => key === requested) ?? "products";
  let content: Awaited<ReturnType<typeof load>> | null = null;
  let offer: { empty: boolean; markets: string[] } | null = null;
  try {
    [content, offer] = await Promise.all([load(tab), readForPage(readStarterOffer, {})]);
  } catch (error) {
    logError("Taxonomy page failed to load", error);
  }

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={content?.action} />
      {offer ? <StarterTaxonomyCard empty={offer.empty} markets={offer.markets} /> : null}
      <nav aria-label={t("tabsLabel")} className="mb-4 flex flex-wrap gap-1 border-b border-zinc-200">
        {TAXONOMY_TABS.map((key) => (
          <Link
            key={key}
            href={`/admin/taxonomies?tab=${key}`}
            aria-current={key === tab ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-zinc-600 hover:text-zinc-900",
              key === tab && "border-zinc-900 text-zinc-900",
            )}
          >
            {t(`tabs.${TAB_KEY[key]}.label`)}
          </Link>
        ))}
      </nav>
      <p className="mb-4 max-w-3xl text-sm text-zinc-600">{t(`tabs.${TAB_KEY[tab]}.description`)}</p>
      {content ? (
        content.panel
      ) : (
        <Alert tone="danger">{t("loadFailed", { what: t(`tabs.${TAB_KEY[tab]}.these`) })}</Alert>
      )}
    </>
  );
}
