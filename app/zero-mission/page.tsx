import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { createTranslator } from "next-intl";
import { getLocale } from "next-intl/server";
import { ZeroMissionChart } from "@/components/charts/zero-mission-chart";
import { formatDay, formatMonth, formatNumber } from "@/lib/format";
import { INTL_LOCALE, isLocale, LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";
import { messagesFor } from "@/lib/i18n/messages";
import { MONTH_HEADERS, monthLabel } from "@/lib/metric/labels";
import { yearOf } from "@/lib/metric/months";
import { getPublicMarkets, getPublishedZeroMission } from "@/lib/metric/public";
import { publicTable } from "@/lib/metric/public-table";
import { restatedFigures } from "@/lib/metric/publication-guard";
import { cn } from "@/lib/utils/cn";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The reader's language, as on every page (their choice in the locale cookie, else their browser's
 * Accept-Language); a link may name one with ?lang=, as the language switcher's links do.
 */
async function resolve(searchParams: SearchParams) {
  const params = await searchParams;
  const lang: Locale = isLocale(params.lang) ? params.lang : await getLocale();
  const markets = await getPublicMarkets();
  const requested = typeof params.market === "string" ? params.market.toUpperCase() : "SE";
  const market = markets.find((m) => m.code === requested) ?? (params.market ? null : markets[0]);
  return { lang, markets, market };
}

function regionName(code: string, lang: Locale, fallback: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: "region" }).of(code) ?? fallback;
  } catch {
    return fallback;
  }
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { lang, market } = await resolve(searchParams);
  const t = createTranslator({ locale: lang, messages: messagesFor(lang), namespace: "zeroMission" });
  return { title: market ? `${t("title")} – ${regionName(market.code, lang, market.name)}` : t("title") };
}

/** The published zero-mission table, as the bank prints it. Published figures only; no sign-in. */
export default async function ZeroMissionPage({ searchParams }: { searchParams: SearchParams }) {
  const { lang, markets, market } = await resolve(searchParams);
  if (!market) notFound();
  const t = createTranslator({ locale: lang, messages: messagesFor(lang), namespace: "zeroMission" });
  const name = regionName(market.code, lang, market.name);
  const data = await getPublishedZeroMission(market.code);
  const rows = publicTable(data).reverse();
  const restated = data.months.filter((m) => m.restatements.length > 0);
  const targetByYear = new Map(data.years.map((y) => [y.year, y.target]));

  return (
    <div lang={lang} className="flex flex-col gap-8">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight text-zinc-900">{t("heading", { market: name })}</h1>
          <p className="mt-2 max-w-3xl text-zinc-600">{t("intro")}</p>
        </div>
        <div className="flex flex-wrap gap-3">
          <Switcher
            label={t("market")}
            options={markets.map((m) => ({
              href: `/zero-mission?market=${m.code}&lang=${lang}`,
              text: regionName(m.code, lang, m.name),
              active: m.code === market.code,
            }))}
          />
          <Switcher
            label={t("language")}
            options={[
              { href: `/zero-mission?market=${market.code}&lang=sv`, text: LOCALE_NAMES.sv, active: lang === "sv" },
              { href: `/zero-mission?market=${market.code}&lang=en`, text: LOCALE_NAMES.en, active: lang === "en" },
            ]}
          />
        </div>
      </div>

      {rows.length === 0 ? (
        <p className="rounded-md border border-zinc-200 bg-zinc-50 px-4 py-6 text-zinc-700">{t("nothing")}</p>
      ) : (
        <>
          <div className="overflow-x-auto rounded-lg border border-zinc-200">
            <table className="w-full border-collapse text-sm tabular-nums">
              <caption className="sr-only">{t("caption", { market: name })}</caption>
              <thead className="bg-zinc-50 text-zinc-600">
                <tr>
                  <th scope="col" className="px-3 py-2 text-left font-semibold">
                    {t("year")}
                  </th>
                  {MONTH_HEADERS[lang].map((h) => (
                    <th key={h} scope="col" className="px-2 py-2 text-right font-semibold">
                      {h}
                    </th>
                  ))}
                  <th scope="col" className="px-3 py-2 text-right font-semibold text-zinc-900">
                    {t("average")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100">
                {rows.map((row) => (
                  <tr key={row.year}>
                    <th scope="row" className="px-3 py-2 text-left font-semibold text-zinc-900">
                      {row.year}
                    </th>
                    {row.months.map((cell, i) => (
                      <td key={i} className="px-2 py-2 text-right text-zinc-800">
                        {cell ? (
                          <>
                            {cell.value == null ? "–" : formatNumber(cell.value, lang)}
                            {cell.restated ? (
                              <sup className="ml-0.5 text-brand-600" title={t("restated")} aria-label={t("restated")}>
                                *
                              </sup>
                            ) : null}
                          </>
                        ) : null}
                      </td>
                    ))}
                    <td className="px-3 py-2 text-right font-semibold text-zinc-900">
                      {row.average == null ? "" : formatNumber(row.average, lang)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.some((r) => r.target != null) ? (
            <p className="-mt-4 text-sm text-zinc-600">
              {rows
                .filter((r) => r.target != null)
                .map((r) => t("targetLine", { year: String(r.year), value: formatNumber(r.target, lang) }))
                .join(" · ")}
            </p>
          ) : null}

          {restated.length > 0 ? (
            <section aria-labelledby="restatements">
              <h2 id="restatements" className="text-base font-semibold text-zinc-900">
                * {t("restatements")}
              </h2>
              <ul className="mt-2 flex flex-col gap-1 text-sm text-zinc-700">
                {restated.flatMap((m) =>
                  m.restatements.map((r) => {
                    const month = formatMonth(m.month, lang);
                    const next = m.restatements[m.restatements.indexOf(r) + 1];
                    const to = next ? next.previousPerMillion : m.perMillion;
                    const figures = restatedFigures(r.previousPerMillion, to, INTL_LOCALE[lang]);
                    return (
                      <li key={`${m.month}-${r.restatedAt}`}>
                        {t("restatementLine", {
                          month,
                          date: formatDay(r.restatedAt, lang),
                          from: figures.from ?? "–",
                          to: figures.to ?? "–",
                          reason: r.reason,
                        })}
                      </li>
                    );
                  }),
                )}
              </ul>
            </section>
          ) : null}

          <section className="rounded-lg border border-zinc-200 p-4">
            <ZeroMissionChart
              title={t("chartTitle", { market: name })}
              valueLabel={t("perMillion")}
              targetLabel={t("target")}
              digits={0}
              points={data.months.map((m) => ({
                month: m.month,
                label: monthLabel(m.month, lang),
                perMillion: m.perMillion,
                target: targetByYear.get(yearOf(m.month)) ?? null,
                restated: m.restatements.length > 0,
              }))}
            />
          </section>

          <p>
            <a
              href={`/api/public/zero-mission?market=${market.code}&format=csv`}
              className="text-sm font-medium text-brand-700 underline-offset-2 hover:underline"
            >
              {t("download")}
            </a>
          </p>
        </>
      )}
    </div>
  );
}

function Switcher({ label, options }: { label: string; options: { href: string; text: string; active: boolean }[] }) {
  return (
    <nav aria-label={label} className="inline-flex rounded-md border border-zinc-300 bg-white p-0.5">
      {options.map((o) => (
        <Link
          key={o.href}
          href={o.href}
          aria-current={o.active ? "page" : undefined}
          className={cn(
            "rounded px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-100",
            o.active && "bg-zinc-900 text-white hover:bg-zinc-800",
          )}
        >
          {o.text}
        </Link>
      ))}
    </nav>
  );
}
