import { useTranslations } from "next-intl";
import { BrandLink } from "./brand-link";
import { CollapsibleNav } from "./collapsible-nav";
import { CommandPalette } from "./command-palette";
import { NavLinks, type ShellNavItem } from "./nav-links";
import { UserMenu } from "./user-menu";

export function AppShell({
  items,
  user,
  children,
}: {
  items: ShellNavItem[];
  user: { name: string; email: string; roleLabel: string };
  children: React.ReactNode;
}) {
  const t = useTranslations("nav");
  return (
    <div className="flex min-h-screen flex-col lg:flex-row">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("skipToContent")}
      </a>
      <aside className="border-b border-zinc-200 bg-white lg:sticky lg:top-0 lg:h-screen lg:w-60 lg:shrink-0 lg:border-r lg:border-b-0">
        <div className="flex h-full flex-col gap-4 px-4 py-3 lg:py-4">
          <CollapsibleNav brand={<BrandLink href="/" />} menuLabel={t("menu")}>
            <CommandPalette items={items} />
            <NavLinks items={items} />
            <div className="lg:mt-auto">
              <UserMenu user={user} />
            </div>
          </CollapsibleNav>
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-6 lg:px-8">
        <div className="mx-auto max-w-[1600px]">{children}</div>
      </main>
    </div>
  );
}
