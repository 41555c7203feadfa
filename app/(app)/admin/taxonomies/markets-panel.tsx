"use client";

import { useTranslations } from "next-intl";
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
import { SEARCH_LANGUAGES, type SearchLanguage } from "@/lib/taxonomies/countries";
import type { MarketListRow } from "@/lib/taxonomies/reads";
import { createMarketSchema, marketLanguageSchema, renameMarketSchema } from "@/lib/taxonomies/validations";
import { type Column, FormDialog, RowActions, RowButton, StatusBadge, TaxonomyTable, useCount } from "./taxonomy-ui";

/** A search language (a PostgreSQL text-search configuration) in the reader's words. */
function useLanguageName() {
  const t = useTranslations("taxonomies.searchLanguages");
  return (language: string) =>
    (SEARCH_LANGUAGES as readonly string[]).includes(language) ? t(language as SearchLanguage) : language;
}

function LanguageOptions() {
  const t = useTranslations("taxonomies.searchLanguages");
  return SEARCH_LANGUAGES.map((l) => (
    <option key={l} value={l}>
      {l === "simple" ? t("simpleOption") : t(l)}
    </option>
  ));
}

export function NewMarketButton() {
  const t = useTranslations("taxonomies.markets");
  return (
    <FormDialog
      trigger={<Button>{t("new")}</Button>}
      title={t("new")}
      description={t("newDescription")}
      schema={createMarketSchema}
      defaults={{ code: "", name: "", searchLanguage: "simple" }}
      action={createMarketAction}
      submitLabel={t("create")}
      pendingLabel={t("creating")}
      success={(m) => t("created", { code: m.code, name: m.name })}
    >
      {(form) => {
        const { errors } = form.formState;
        return (
          <>
            <Field
              label={t("countryCode")}
              htmlFor="new-market-code"
              error={errors.code?.message}
              hint={t("countryCodeHint")}
            >
              <Input
                id="new-market-code"
                maxLength={2}
                className="w-24 uppercase"
                aria-invalid={!!errors.code}
                {...form.register("code")}
              />
            </Field>
            <Field label={t("name")} htmlFor="new-market-name" error={errors.name?.message}>
              <Input id="new-market-name" aria-invalid={!!errors.name} {...form.register("name")} />
            </Field>
            <Field label={t("searchLanguage")} htmlFor="new-market-language" error={errors.searchLanguage?.message}>
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
  const t = useTranslations("taxonomies.markets");
  return (
    <FormDialog
      trigger={<RowButton label={t("renameCode", { code: market.code })}>{t("rename")}</RowButton>}
      title={t("renameTitle", { name: market.name, code: market.code })}
      description={t("renameDescription")}
      schema={renameMarketSchema}
      defaults={{ code: market.code, name: market.name }}
      action={renameMarketAction}
      submitLabel={t("save")}
      success={(m) => t("renamed", { code: m.code, name: m.name })}
    >
      {(form) => (
        <Field label={t("name")} htmlFor="rename-market-name" error={form.formState.errors.name?.message}>
          <Input id="rename-market-name" aria-invalid={!!form.formState.errors.name} {...form.register("name")} />
        </Field>
      )}
    </FormDialog>
  );
}

function LanguageButton({ market }: { market: MarketListRow }) {
  const t = useTranslations("taxonomies.markets");
  const languageName = useLanguageName();
  return (
    <FormDialog
      trigger={<RowButton label={t("languageOf", { code: market.code })}>{t("language")}</RowButton>}
      title={t("languageTitle", { name: market.name, code: market.code })}
      description={t("languageDescription")}
      schema={marketLanguageSchema}
      defaults={{ code: market.code, searchLanguage: market.searchLanguage as never }}
      action={setMarketLanguageAction}
      submitLabel={t("saveLanguage")}
      success={(m) =>
        m.changed ? t("languageChanged", { code: m.code, language: languageName(m.searchLanguage) }) : t("noChange")
      }
    >
      {(form) => (
        <Field
          label={t("searchLanguage")}
          htmlFor="market-language"
          error={form.formState.errors.searchLanguage?.message}
        >
          <Select id="market-language" {...form.register("searchLanguage")}>
            <LanguageOptions />
          </Select>
        </Field>
      )}
    </FormDialog>
  );
}

function MarketActiveToggle({ market }: { market: MarketListRow }) {
  const t = useTranslations("taxonomies.ui");
  const [pending, startTransition] = useTransition();
  const name = market.code;
  return (
    <RowButton
      label={market.active ? t("deactivateName", { name }) : t("reactivateName", { name })}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await setMarketActiveAction({ code: market.code, active: !market.active });
          if ("error" in result) toast.error(result.error.message);
          else
            toast.success(market.active ? t("marketDeactivated", { code: market.code }) : t("reactivated", { name }));
        })
      }
    >
      {market.active ? t("deactivate") : t("reactivate")}
    </RowButton>
  );
}

/** Markets by ISO code: created here, by the command line or by an import asked to create what is missing. */
export function MarketsPanel({ markets }: { markets: MarketListRow[] }) {
  const t = useTranslations("taxonomies.markets");
  const count = useCount();
  const languageName = useLanguageName();
  const columns: Column[] = [
    { label: t("code") },
    { label: t("market") },
    { label: t("searchLanguage") },
    { label: t("complaints"), numeric: true },
  ];
  return (
    <TaxonomyTable columns={columns} empty={markets.length === 0 && t("empty")}>
      {markets.map((m) => (
        <TR key={m.code} aria-label={`${m.code} ${m.name}`}>
          <TD className="font-mono text-xs">{m.code}</TD>
          <TD className="font-medium text-zinc-900">{m.name}</TD>
          <TD>{languageName(m.searchLanguage)}</TD>
          <TD className="text-right tabular-nums">{count(m.complaints)}</TD>
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
