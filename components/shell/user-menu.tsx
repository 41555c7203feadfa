import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { signOutAction } from "@/lib/auth/sign-in-actions";
import { LanguageSelect } from "./language-select";

export function UserMenu({ user }: { user: { name: string; email: string; roleLabel: string } }) {
  const t = useTranslations("userMenu");
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-t border-zinc-100 pt-3 lg:flex-col lg:items-stretch lg:gap-2">
      <div className="min-w-0">
        <p className="truncate text-sm font-medium text-zinc-900">{user.name}</p>
        <p className="truncate text-xs text-zinc-500">
          {user.email} · <span data-testid="current-role">{user.roleLabel}</span>
        </p>
      </div>
      <LanguageSelect />
      <form action={signOutAction}>
        <Button type="submit" variant="secondary" size="sm" className="w-full">
          {t("signOut")}
        </Button>
      </form>
    </div>
  );
}
