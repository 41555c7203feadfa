import { AppShell } from "@/components/shell/app-shell";
import { navigationFor } from "@/lib/auth/navigation";
import { can, ROLE_LABELS } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { getInboxBadgeCount } from "@/lib/notifications/queries";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const inbox = can(user.role, "complaints:comment") ? await getInboxBadgeCount(user) : 0;
  return (
    <AppShell
      items={navigationFor(user.role).map(({ href, label, section }) => ({
        href,
        label,
        section,
        badge: href === "/inbox" ? inbox : undefined,
      }))}
      user={{ name: user.name, email: user.email, roleLabel: ROLE_LABELS[user.role] }}
    >
      {children}
    </AppShell>
  );
}
