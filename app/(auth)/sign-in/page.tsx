import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { oidcEnabled } from "@/lib/auth/config";
import { getCurrentUser } from "@/lib/auth/session";
import { UNAVAILABLE } from "@/lib/auth/sign-in-messages";
import { isUnavailable } from "@/lib/security/outage";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

const DEMO_USERS = [
  ["admin@demo.example", "Admin"],
  ["reviewer@demo.example", "Reviewer"],
  ["pm@demo.example", "Product manager"],
  ["leadership@demo.example", "Leadership"],
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
          <h1 className="text-xl font-semibold text-zinc-900">Sign in to Zero complaints</h1>
          <p className="mt-1 text-sm text-zinc-600">Complaint analysis for the zero mission.</p>
        </div>
        <SignInForm
          callbackUrl={callbackUrl ?? "/"}
          oidc={oidcEnabled ? (process.env.AUTH_OIDC_NAME ?? "Single sign-on") : null}
          initialError={
            unavailable
              ? UNAVAILABLE
              : error === "AccessDenied"
                ? "That account is not registered here. Ask an admin to add you."
                : undefined
          }
        />
        <p className="mt-6 text-center text-sm text-zinc-500">
          Looking for the published figures?{" "}
          <a className="text-brand-700 underline" href="/zero-mission">
            See the zero-mission table
          </a>
          .
        </p>
        {showDemo ? (
          <div className="mt-6 rounded-md border border-dashed border-zinc-300 bg-white p-3 text-xs text-zinc-600">
            <p className="font-medium text-zinc-800">Demo accounts (password demo-password-2019)</p>
            <ul className="mt-1 space-y-0.5">
              {DEMO_USERS.map(([email, role]) => (
                <li key={email}>
                  <code>{email}</code> · {role}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </main>
  );
}
