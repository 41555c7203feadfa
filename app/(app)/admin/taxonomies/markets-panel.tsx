"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/input";
import { TD, TR } from "@/components/ui/table";
import {
  createMarketAction,
  renameMarketAction,
  setMarketActiveAction,
  setMarketLanguageAction,
} from "@/lib/taxonomies/actions";
import { SEARCH_LANGUAGES } from "@/lib/taxonomies/countries";
import type { MarketListRow } from "@/lib/taxonomies/reads";
import { createMarketSchema, marketLanguageSchema, renameMarketSchema } from "@/lib/taxonomies/validations";
import { type Column, FormDialog, formatCount, RowActions, RowButton, StatusBadge, TaxonomyTable } from "./taxonomy-ui";

function LanguageOptions() {
  return SEARCH_LANGUAGES.map((l) => (
    <option key={l} value={l}>
      {l === "simple" ? "simple (no stemming)" : l}
    </option>
  ));
}

export function NewMarketButton() {
  return (
    <FormDialog
      trigger={<Button>New market</Button>}
      title="New market"
      description="A market is a country, by its ISO 3166-1 alpha-2 code. Its complaints are searched in the language chosen here, so that any word form finds them."
      schema={createMarketSchema}
      defaults={{ code: "", name: "", searchLanguage: "simple" }}
      action={createMarketAction}
      submitLabel="Create market"
      pendingLabel="Creating…"
      success={(m) => `${m.code} ${m.name} created`}
    >
      {(form) => {
        const { errors } = form.formState;
        return (
          <>
            <Field
              label="Country code"
              htmlFor="new-market-code"
              error={errors.code?.message}
              hint="For example NO, DK or DE."
            >
              <Input
                id="new-market-code"
                maxLength={2}
                className="w-24 uppercase"
                aria-invalid={!!errors.code}
                {...form.register("code")}
              />
            </Field>
            <Field label="Name" htmlFor="new-market-name" error={errors.name?.message}>
              <Input id="new-market-name" aria-invalid={!!errors.name} {...form.register("name")} />
            </Field>
            <Field label="Search language" htmlFor="new-market-language" error={errors.searchLanguage?.message}>
              <Select id="new-market-language" {...form.register("searchLanguage")}>
                <LanguageOptions />
              </Select>
            </Field>
          </>
        );
      }}
    </FormDialog>
  );
}

function RenameMarketButton({ market }: { market: MarketListRow }) {
  return (
    <FormDialog
      trigger={<RowButton label={`Rename ${market.code}`}>Rename</RowButton>}
      title={`Rename ${market.name} (${market.code})`}
      description="Only the name people read changes; the code stays, and with it the market's complaints, volumes and published figures."
      schema={renameMarketSchema}
      defaults={{ code: market.code, name: market.name }}
      action={renameMarketAction}
      submitLabel="Save market"
      success={(m) => `${m.code} is now called ${m.name}`}
    >
      {(form) => (
        <Field label="Name" htmlFor="rename-market-name" error={form.formState.errors.name?.message}>
          <Input id="rename-market-name" aria-invalid={!!form.formState.errors.name} {...form.register("name")} />
        </Field>
      )}
    </FormDialog>
  );
}

function LanguageButton({ market }: { market: MarketListRow }) {
  return (
    <FormDialog
      trigger={<RowButton label={`Change the search language of ${market.code}`}>Language</RowButton>}
      title={`Search language of ${market.name} (${market.code})`}
      description="Its complaints are re-indexed in the new language in the background, in small batches; searches find them by the new language's word forms as each batch completes."
      schema={marketLanguageSchema}
      defaults={{ code: market.code, searchLanguage: market.searchLanguage as never }}
      action={setMarketLanguageAction}
      submitLabel="Save language"
      success={(m) =>
        m.changed ? `${m.code} is searched in ${m.searchLanguage}; re-indexing its complaints` : "No change"
      }
    >
      {(form) => (
        <Field label="Search language" htmlFor="market-language" error={form.formState.errors.searchLanguage?.message}>
          <Select id="market-language" {...form.register("searchLanguage")}>
            <LanguageOptions />
          </Select>
        </Field>
      )}
    </FormDialog>
  );
}

function MarketActiveToggle({ market }: { market: MarketListRow }) {
  const [pending, startTransition] = useTransition();
  const verb = market.active ? "Deactivate" : "Reactivate";
  return (
    <RowButton
      label={`${verb} ${market.code}`}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await setMarketActiveAction({ code: market.code, active: !market.active });
          if ("error" in result) toast.error(result.error.message);
          else
            toast.success(
              market.active
                ? `${market.code} is no longer offered for new complaints`
                : `${market.code} is offered again`,
            );
        })
      }
    >
      {verb}
    </RowButton>
  );
}

const COLUMNS: Column[] = [
  { label: "Code" },
  { label: "Market" },
  { label: "Search language" },
  { label: "Complaints", numeric: true },
];

/** Markets by ISO code: created here, by the command line or by an import asked to create what is missing. */
export function MarketsPanel({ markets }: { markets: MarketListRow[] }) {
  return (
    <TaxonomyTable
      columns={COLUMNS}
      empty={
        markets.length === 0 &&
        "No markets yet. Create one here, with npm run cli -- market create, or let an import create what is missing."
      }
    >
      {markets.map((m) => (
        <TR key={m.code} aria-label={`${m.code} ${m.name}`}>
          <TD className="font-mono text-xs">{m.code}</TD>
          <TD className="font-medium text-zinc-900">{m.name}</TD>
          <TD>{m.searchLanguage}</TD>
          <TD className="text-right tabular-nums">{formatCount(m.complaints)}</TD>
          <TD>
            <StatusBadge active={m.active} />
          </TD>
          <TD>
            <RowActions>
              <RenameMarketButton market={m} />
              <LanguageButton market={m} />
              <MarketActiveToggle market={m} />
            </RowActions>
          </TD>
        </TR>
      ))}
    </TaxonomyTable>
  );
}
