"use client";

import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { useFormat } from "@/lib/i18n/hooks";
import type { UserRow } from "@/lib/users/operations";
import { EditUserButton, ResetPasswordButton, TokensButton } from "./user-dialogs";

export function UsersTable({ users, currentUserId }: { users: UserRow[]; currentUserId: string }) {
  const { dateTime } = useFormat();
  return (
    <Card>
      <Table>
        <THead>
          <TR>
            <TH>Name</TH>
            <TH>E-mail</TH>
            <TH>Role</TH>
            <TH>Status</TH>
            <TH>Last sign-in</TH>
            <TH>API tokens</TH>
            <TH className="text-right">Actions</TH>
          </TR>
        </THead>
        <TBody>
          {users.map((user) => (
            <TR key={user.id} aria-label={user.email}>
              <TD className="font-medium">
                {user.name}
                {user.id === currentUserId ? <span className="ml-2 text-xs text-zinc-500">(you)</span> : null}
              </TD>
              <TD>{user.email}</TD>
              <TD>{ROLE_LABELS[user.role]}</TD>
              <TD>{user.active ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Deactivated</Badge>}</TD>
              <TD className="text-zinc-600">{user.lastSignInAt ? dateTime(user.lastSignInAt) : "Never"}</TD>
              <TD>{user.tokens.filter((t) => !t.revokedAt).length}</TD>
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
