"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { useFormat } from "@/lib/i18n/hooks";
import { createTokenAction, revokeTokenAction } from "@/lib/users/actions";
import type { UserRow } from "@/lib/users/operations";

export function TokensPanel({ user }: { user: UserRow }) {
  const t = useTranslations("users.tokens");
  const { day } = useFormat();
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<string>();
  const [pending, startTransition] = useTransition();

  const create = () =>
    startTransition(async () => {
      const result = await createTokenAction({ userId: user.id, name });
      if ("data" in result) {
        setCreated(result.data.token);
        setName("");
        setError(undefined);
      } else {
        setError(result.fieldErrors?.name?.[0] ?? result.error.message);
      }
    });

  const revoke = (id: string) =>
    startTransition(async () => {
      const result = await revokeTokenAction({ id });
      if ("data" in result) toast.success(t("revoked"));
      else toast.error(result.error.message);
    });

  return (
    <div className="flex flex-col gap-4">
      {created ? (
        <Alert tone="warning">
          <p className="font-medium">{t("copyNow")}</p>
          <code data-testid="new-token" className="mt-2 block break-all rounded bg-white p-2 text-xs">
            {created}
          </code>
        </Alert>
      ) : null}
      <div className="flex items-end gap-2">
        <Field label={t("name")} htmlFor="token-name" error={error} className="flex-1">
          <Input
            id="token-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t("namePlaceholder")}
          />
        </Field>
        <Button onClick={create} disabled={pending}>
          {t("create")}
        </Button>
      </div>
      <ul className="divide-y divide-zinc-100 text-sm">
        {user.tokens.length === 0 ? <li className="py-2 text-zinc-500">{t("empty")}</li> : null}
        {user.tokens.map((token) => (
          <li key={token.id} className="flex items-center justify-between gap-2 py-2">
            <div>
              <p className="font-medium">{token.name}</p>
              <p className="text-xs text-zinc-500">
                <code>{token.prefix}…</code> ·{" "}
                {t("usage", {
                  created: day(token.createdAt),
                  used: token.lastUsedAt ? day(token.lastUsedAt) : t("neverUsed"),
                })}
              </p>
            </div>
            {token.revokedAt ? (
              <Badge tone="danger">{t("revokedBadge")}</Badge>
            ) : (
              <Button
                variant="secondary"
                size="sm"
                onClick={() => revoke(token.id)}
                disabled={pending}
                aria-label={t("revokeName", { name: token.name })}
              >
                {t("revoke")}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
