"use client";

import { Pencil } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useFormat } from "@/lib/i18n/hooks";
import type { RemediationDetail, RemediationOptions } from "@/lib/remediation/detail-query";
import { EditForm } from "./edit-form";

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium text-zinc-500">{label}</dt>
      <dd className="mt-0.5 text-sm whitespace-pre-line text-zinc-900">{children}</dd>
    </div>
  );
}

/** The action's fields; reviewers and admins switch to the edit form in place. */
export function DetailsCard({
  action,
  options,
  canEdit,
}: {
  action: RemediationDetail["action"];
  options: RemediationOptions;
  canEdit: boolean;
}) {
  const { day: formatDay } = useFormat();
  const [editing, setEditing] = useState(false);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Details</CardTitle>
        {canEdit && !editing ? (
          <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
            <Pencil /> Edit details
          </Button>
        ) : null}
      </CardHeader>
      <CardContent>
        {editing ? (
          <EditForm action={action} options={options} onDone={() => setEditing(false)} />
        ) : (
          <dl className="grid gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2">
              <Item label="Description">
                {action.description || <span className="text-zinc-500">No description</span>}
              </Item>
            </div>
            <Item label="Owner">{action.ownerName ?? <span className="text-zinc-500">No owner yet</span>}</Item>
            <Item label="Due date">
              <span className={action.overdue ? "font-medium text-red-700" : undefined}>{formatDay(action.dueOn)}</span>
              {action.overdue ? " (overdue)" : ""}
            </Item>
            <Item label="Market">
              {action.market ? `${action.marketName ?? action.market} (${action.market})` : "All markets"}
            </Item>
            <Item label="Product">{action.productName ?? "Every product"}</Item>
            <Item label="Shipped on">{formatDay(action.shippedOn)}</Item>
            <Item label="Verified on">{formatDay(action.verifiedOn)}</Item>
            <div className="sm:col-span-2">
              <Item label="Notes">{action.notes || <span className="text-zinc-500">No notes</span>}</Item>
            </div>
          </dl>
        )}
      </CardContent>
    </Card>
  );
}
