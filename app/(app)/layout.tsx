import { getLocale, getTranslations } from "next-intl/server";
import { AppShell } from "@/components/shell/app-shell";
import { navigationFor } from "@/lib/auth/navigation";
import { can } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { codesFor } from "@/lib/i18n/messages";
import { readInboxBadgeCount } from "@/lib/notifications/reads";
import { readForPage } from "@/lib/operations/page";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const [inbox, t, locale] = await Promise.all([
    can(user.role, "complaints:comment") ? readForPage(readInboxBadgeCount, {}) : 0,
    getTranslations("nav.items"),
    getLocale(),
  ]);
  return (
    <AppShell
      items={navigationFor(user.role).map(({ href, key, section }) => ({
        href,
        label: t(key),
        section,
        badge: href === "/inbox" ? inbox : undefined,
      }))}
      user={{ name: user.name, email: user.email, roleLabel: codesFor(locale).role[user.role] }}
    >
      {children}
    </AppShell>
  );
}
