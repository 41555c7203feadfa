import Link from "next/link";
import { useTranslations } from "next-intl";

/** The product's mark and name, linking to the given start page. */
export function BrandLink({ href }: { href: string }) {
  const t = useTranslations("meta");
  return (
    <Link href={href} className="flex items-center gap-2 font-semibold text-zinc-900">
      <span aria-hidden className="flex size-7 items-center justify-center rounded-md bg-brand-500 text-sm text-white">
        0
      </span>
      {t("appName")}
    </Link>
  );
}
