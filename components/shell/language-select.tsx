"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useTransition } from "react";
import { Select } from "@/components/ui/input";
import { setLocaleAction } from "@/lib/i18n/actions";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

/** The interface's language, kept for this browser; each language is named in itself, so anyone finds theirs. */
export function LanguageSelect({ className }: { className?: string }) {
  const t = useTranslations("locale");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex items-center gap-2 text-xs text-zinc-600">
      <label htmlFor={id}>{t("label")}</label>
      <Select
        id={id}
        className={className ?? "h-8 w-auto py-0 text-xs"}
        value={locale}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value;
          startTransition(async () => {
            const result = await setLocaleAction(next);
            if ("data" in result) router.refresh();
          });
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </Select>
    </div>
  );
}
