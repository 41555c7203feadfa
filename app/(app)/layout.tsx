import { AppShell } from "@/components/shell/app-shell";
import { navigationFor } from "@/lib/auth/navigation";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";

export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell
      items={navigationFor(user.role).map(({ href, label, section }) => ({ href, label, section }))}
      user={{ name: user.name, email: user.email, roleLabel: ROLE_LABELS[user.role] }}
    >
      {children}
    </AppShell>
  );
}
