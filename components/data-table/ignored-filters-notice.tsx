import Link from "next/link";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import type { UrlProblem } from "@/lib/utils/url-state";

/**
 * A list page's answer to a link with values it cannot read: the list is shown without them, and
 * this says in words which were left out and why, with a way back to the plain list.
 */
export function IgnoredFiltersNotice({
  problems,
  resetHref,
  resetLabel,
}: {
  problems: readonly UrlProblem[];
  resetHref: string;
  resetLabel: string;
}) {
  const t = useTranslations("table");
  const names = useTranslations("fieldNames");
  // A field is named in the reader's language where the interface has a word for it.
  const nameOf = (p: UrlProblem) => (names.has(p.field as never) ? names(p.field as never) : p.label);
  if (!problems.length) return null;
  return (
    <Alert tone="warning" className="mb-4">
      <p className="font-medium">{problems.length === 1 ? t("ignoredOne") : t("ignoredSome")}</p>
      <ul className="mt-1 list-disc pl-5">
        {problems.map((p) => (
          <li key={p.path}>
            {nameOf(p)} “{p.value}”: {p.explanation}.
          </li>
        ))}
      </ul>
      <Link href={resetHref} className="mt-2 inline-block font-medium underline">
        {resetLabel}
      </Link>
    </Alert>
  );
}
