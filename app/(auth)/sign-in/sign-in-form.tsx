"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/input";
import { type SignInProblem, signInAction, signInWithOidcAction } from "@/lib/auth/sign-in-actions";

export function SignInForm({
  callbackUrl,
  oidc,
  initialError,
}: {
  callbackUrl: string;
  oidc: string | null;
  initialError?: SignInProblem;
}) {
  const t = useTranslations("signIn");
  const [state, formAction, pending] = useActionState(signInAction, initialError ? { error: initialError } : undefined);
  return (
    <Card>
      <CardContent className="flex flex-col gap-4 py-5">
        {state?.error ? <Alert tone="danger">{t(state.error)}</Alert> : null}
        <form action={formAction} className="flex flex-col gap-4">
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Field label={t("email")} htmlFor="email">
            <Input id="email" name="email" type="email" autoComplete="username" required defaultValue={state?.email} />
          </Field>
          <Field label={t("password")} htmlFor="password">
            <Input id="password" name="password" type="password" autoComplete="current-password" required />
          </Field>
          <Button type="submit" disabled={pending}>
            {pending ? t("pending") : t("submit")}
          </Button>
        </form>
        {oidc ? (
          <form action={signInWithOidcAction}>
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <Button type="submit" variant="secondary" className="w-full">
              {t("continueWith", { provider: oidc })}
            </Button>
          </form>
        ) : null}
      </CardContent>
    </Card>
  );
}
