"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useCodes, useFormat } from "@/lib/i18n/hooks";
import type { UserRow } from "@/lib/users/operations";
import { EditUserButton, ResetPasswordButton, TokensButton } from "./user-dialogs";

export function UsersTable({ users, currentUserId }: { users: UserRow[]; currentUserId: string }) {
  const t = useTranslations("users");
  const { dateTime, number } = useFormat();
  const { role: roles } = useCodes();
  return (
    <Card>
      <Table>
        <THead>
          <TR>
            <TH>{t("name")}</TH>
            <TH>{t("email")}</TH>
            <TH>{t("role")}</TH>
            <TH>{t("status")}</TH>
            <TH>{t("lastSignIn")}</TH>
            <TH>{t("apiTokens")}</TH>
            <TH className="text-right">{t("actions")}</TH>
          </TR>
        </THead>
        <TBody>
          {users.map((user) => (
            <TR key={user.id} aria-label={user.email}>
              <TD className="font-medium">
                {user.name}
                {user.id === currentUserId ? <span className="ml-2 text-xs text-zinc-500">{t("you")}</span> : null}
              </TD>
              <TD>{user.email}</TD>
              <TD>{roles[user.role]}</TD>
              <TD>
                {user.active ? (
                  <Badge tone="success">{t("active")}</Badge>
                ) : (
                  <Badge tone="danger">{t("deactivated")}</Badge>
                )}
              </TD>
              <TD className="text-zinc-600">{user.lastSignInAt ? dateTime(user.lastSignInAt) : t("never")}</TD>
              <TD>{number(user.tokens.filter((token) => !token.revokedAt).length)}</TD>
              <TD>
                <div className="flex justify-end gap-1">
                  <EditUserButton user={user} />
                  <ResetPasswordButton user={user} />
                  <TokensButton user={user} />
                </div>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
