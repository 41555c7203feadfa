import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSelect } from "@/components/shell/language-select";
import { oidcEnabled } from "@/lib/auth/config";
import { getCurrentUser } from "@/lib/auth/session";
import { isUnavailable } from "@/lib/security/outage";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("titles"))("signIn") };
}

const DEMO_USERS = [
  ["admin@demo.example", "admin"],
  ["reviewer@demo.example", "reviewer"],
  ["pm@demo.example", "product_manager"],
  ["leadership@demo.example", "leadership"],
] as const;

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string; code?: string }>;
}) {
  // With the database away the form still shows, saying so, instead of an error page.
  const database = await getCurrentUser().then(
    (user) => ({ up: true, user }),
    (error) => {
      if (isUnavailable(error)) return { up: false, user: null };
      throw error;
    },
  );
  if (database.user) redirect("/");
  const { callbackUrl, error, code } = await searchParams;
  const t = await getTranslations("signIn");
  const roles = await getTranslations("codes.role");
  const unavailable = !database.up || code === "unavailable" || error === "Configuration";
  // Only the embedded demo database advertises its demo accounts.
  const showDemo = !process.env.DATABASE_URL;
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <span
            aria-hidden
            className="mx-auto mb-3 flex size-10 items-center justify-center rounded-lg bg-brand-500 text-lg font-semibold text-white"
          >
            0
          </span>
          <h1 className="text-xl font-semibold text-zinc-900">{t("heading")}</h1>
          <p className="mt-1 text-sm text-zinc-600">{t("tagline")}</p>
        </div>
        <SignInForm
          callbackUrl={callbackUrl ?? "/"}
          oidc={oidcEnabled ? (process.env.AUTH_OIDC_NAME ?? t("singleSignOn")) : null}
          initialError={unavailable ? "unavailable" : error === "AccessDenied" ? "notRegistered" : undefined}
        />
        <p className="mt-6 text-center text-sm text-zinc-500">
          {t("publishedFigures")}{" "}
          <a className="text-brand-700 underline" href="/zero-mission">
            {t("publishedLink")}
          </a>
          .
        </p>
        {showDemo ? (
          <div className="mt-6 rounded-md border border-dashed border-zinc-300 bg-white p-3 text-xs text-zinc-600">
            <p className="font-medium text-zinc-800">{t("demoAccounts", { password: "demo-password-2019" })}</p>
            <ul className="mt-1 space-y-0.5">
              {DEMO_USERS.map(([email, role]) => (
                <li key={email}>
                  <code>{email}</code> · {roles(role)}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="mt-6 flex justify-center">
          <LanguageSelect />
        </div>
      </div>
    </main>
  );
}
