"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils/cn";

export type ShellNavItem = {
  href: string;
  label: string;
  section: "work" | "admin";
  /** A count that needs the user (the Inbox's unread messages and near deadlines). */
  badge?: number;
};

export function NavLinks({ items }: { items: ShellNavItem[] }) {
  const pathname = usePathname();
  const t = useTranslations("nav");
  const sections = [
    { key: "work", title: null, items: items.filter((i) => i.section === "work") },
    { key: "admin", title: t("administration"), items: items.filter((i) => i.section === "admin") },
  ].filter((s) => s.items.length > 0);

  return (
    <nav aria-label={t("main")} className="flex flex-col gap-4">
      {sections.map((section) => (
        <div key={section.key}>
          {section.title ? (
            <p className="mb-1 px-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase">{section.title}</p>
          ) : null}
          <ul className="flex flex-wrap gap-1 lg:flex-col">
            {section.items.map((item) => {
              const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
              return (
                <li key={item.href} className="relative">
                  <Link
                    href={item.href}
                    aria-current={active ? "page" : undefined}
                    aria-describedby={item.badge ? `nav-badge-${item.href.slice(1)}` : undefined}
                    className={cn(
                      "block rounded-md px-2 py-1.5 text-sm text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900",
                      item.badge && "pr-9",
                      active && "bg-zinc-900 text-white hover:bg-zinc-800 hover:text-white",
                    )}
                  >
                    {item.label}
                  </Link>
                  {item.badge ? (
                    <span
                      id={`nav-badge-${item.href.slice(1)}`}
                      data-count={item.badge}
                      className="pointer-events-none absolute top-1/2 right-2 -translate-y-1/2 rounded-full bg-brand-500 px-1.5 text-xs font-semibold text-white"
                    >
                      <span aria-hidden>{item.badge > 99 ? "99+" : item.badge}</span>
                      <span className="sr-only">{t("newCount", { count: item.badge })}</span>
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
