import { signOutAction } from "@/lib/auth/sign-in-actions";
import { Button } from "@/components/ui/button";

export function UserMenu({ user }: { user: { name: string; email: string; roleLabel: string } }) {
  return (
    <div className="flex items-center gap-3 lg:flex-col lg:items-stretch lg:gap-2 lg:border-t lg:border-zinc-100 lg:pt-3">
      <div className="hidden min-w-0 sm:block" aria-label="Signed in as">
        <p className="truncate text-sm font-medium text-zinc-900">{user.name}</p>
        <p className="truncate text-xs text-zinc-500">
          {user.email} · <span data-testid="current-role">{user.roleLabel}</span>
        </p>
      </div>
      <form action={signOutAction}>
        <Button type="submit" variant="secondary" size="sm" className="w-full">
          Sign out
        </Button>
      </form>
    </div>
  );
}
