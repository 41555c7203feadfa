"use client";

import { Pencil } from "lucide-react";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("remediation");
  const { day: formatDay } = useFormat();
  const [editing, setEditing] = useState(false);
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("details.title")}</CardTitle>
        {canEdit && !editing ? (
          <Button size="sm" variant="secondary" onClick={() => setEditing(true)}>
            <Pencil /> {t("details.edit")}
          </Button>
        ) : null}
      </CardHeader>
      <CardContent>
        {editing ? (
          <EditForm action={action} options={options} onDone={() => setEditing(false)} />
        ) : (
          <dl className="grid gap-4 sm:grid-cols-2">
            <div className="sm:col-span-2">
              <Item label={t("details.description")}>
                {action.description || <span className="text-zinc-500">{t("details.noDescription")}</span>}
              </Item>
            </div>
            <Item label={t("details.owner")}>
              {action.ownerName ?? <span className="text-zinc-500">{t("details.noOwnerYet")}</span>}
            </Item>
            <Item label={t("details.dueDate")}>
              <span className={action.overdue ? "font-medium text-red-700" : undefined}>{formatDay(action.dueOn)}</span>
              {action.overdue ? ` ${t("details.overdueMark")}` : ""}
            </Item>
            <Item label={t("details.market")}>
              {action.market
                ? t("marketName", { name: action.marketName ?? action.market, code: action.market })
                : t("allMarkets")}
            </Item>
            <Item label={t("details.product")}>{action.productName ?? t("everyProduct")}</Item>
            <Item label={t("details.shippedOn")}>{formatDay(action.shippedOn)}</Item>
            <Item label={t("details.verifiedOn")}>{formatDay(action.verifiedOn)}</Item>
            <div className="sm:col-span-2">
              <Item label={t("details.notes")}>
                {action.notes || <span className="text-zinc-500">{t("details.noNotes")}</span>}
              </Item>
            </div>
          </dl>
        )}
      </CardContent>
    </Card>
  );
}
