import type { Metadata } from "next";
import Link from "next/link";
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

export const metadata: Metadata = { title: "Taxonomies" };

const TABS: Record<TaxonomyTab, { label: string; description: string }> = {
  products: {
    label: "Products",
    description: "Products complaints are filed under, with the old and alternative names that still match on import.",
  },
  categories: {
    label: "Categories",
    description:
      "The two-level complaint taxonomy (Parent > Child). Renaming keeps complaints in their category; the audit log keeps the history.",
  },
  "root-causes": {
    label: "Root causes",
    description: "The causes reviewers tag complaints with and remediation actions remove.",
  },
  authorities: {
    label: "Authorities",
    description:
      "Authorities per market and channel that customers register complaints with (Konsumentverket, ARN, …).",
  },
  markets: {
    label: "Markets",
    description:
      "The markets complaints and purchase volumes belong to, by ISO country code, each with the language its complaints are searched in.",
  },
};

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
  const requested = (await searchParams).tab;
  const tab = TAXONOMY_TABS.find((t) => t === requested) ?? "products";
  let content: Awaited<ReturnType<typeof load>> | null = null;
  let offer: { empty: boolean; markets: string[] } | null = null;
  try {
    [content, offer] = await Promise.all([load(tab), readForPage(readStarterOffer, {})]);
  } catch (error) {
    logError("Taxonomy page failed to load", error);
  }

  return (
    <>
      <PageHeader
        title="Taxonomies"
        description="Deactivating an item stops it being offered for new complaints; complaints that use it keep it, and imports still match it. Only what nothing uses can be deleted. Every change is audited."
        actions={content?.action}
      />
      {offer ? <StarterTaxonomyCard empty={offer.empty} markets={offer.markets} /> : null}
      <nav aria-label="Taxonomy" className="mb-4 flex flex-wrap gap-1 border-b border-zinc-200">
        {TAXONOMY_TABS.map((t) => (
          <Link
            key={t}
            href={`/admin/taxonomies?tab=${t}`}
            aria-current={t === tab ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 border-transparent px-3 py-2 text-sm font-medium text-zinc-600 hover:text-zinc-900",
              t === tab && "border-zinc-900 text-zinc-900",
            )}
          >
            {TABS[t].label}
          </Link>
        ))}
      </nav>
      <p className="mb-4 max-w-3xl text-sm text-zinc-600">{TABS[tab].description}</p>
      {content ? (
        content.panel
      ) : (
        <Alert tone="danger">
          The {TABS[tab].label.toLowerCase()} could not be loaded: the database did not answer. Nothing is lost; try
          again in a moment.
        </Alert>
      )}
    </>
  );
}
