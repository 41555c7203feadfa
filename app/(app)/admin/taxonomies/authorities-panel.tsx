"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/input";
import { TD, TR } from "@/components/ui/table";
import { AUTHORITY_CHANNELS } from "@/lib/domain/values";
import { useCodes } from "@/lib/i18n/hooks";
import {
  createAuthorityAction,
  deleteAuthorityAction,
  setAuthorityActiveAction,
  updateAuthorityAction,
} from "@/lib/taxonomies/actions";
import type { AuthorityListRow } from "@/lib/taxonomies/reads";
import { createAuthoritySchema, updateAuthoritySchema } from "@/lib/taxonomies/validations";
import { type Column, FormDialog, RowButton, StatusAndActions, TaxonomyTable, useCount, useInUse } from "./taxonomy-ui";

type Market = { code: string; name: string };

export function NewAuthorityButton({ markets }: { markets: Market[] }) {
  const t = useTranslations("taxonomies.authorities");
  const { channel: channels } = useCodes();
  return (
    <FormDialog
      trigger={<Button disabled={markets.length === 0}>{t("new")}</Button>}
      title={t("new")}
      description={t("newDescription")}
      schema={createAuthoritySchema}
      defaults={{ market: markets[0]?.code ?? "", channel: "consumer_agency", name: "", shortName: "" }}
      action={createAuthorityAction}
      submitLabel={t("create")}
      pendingLabel={t("creating")}
      success={(a) => t("created", { name: a.name })}
    >
      {(form) => {
        const { errors } = form.formState;
        return (
          <>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label={t("market")} htmlFor="new-authority-market" error={errors.market?.message}>
                <Select id="new-authority-market" {...form.register("market")}>
                  {markets.map((m) => (
                    <option key={m.code} value={m.code}>
                      {m.name} ({m.code})
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={t("channel")} htmlFor="new-authority-channel" error={errors.channel?.message}>
                <Select id="new-authority-channel" {...form.register("channel")}>
                  {AUTHORITY_CHANNELS.map((c) => (
                    <option key={c} value={c}>
                      {channels[c]}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
            <Field label={t("name")} htmlFor="new-authority-name" error={errors.name?.message}>
              <Input id="new-authority-name" aria-invalid={!!errors.name} {...form.register("name")} />
            </Field>
            <Field
              label={t("shortName")}
              htmlFor="new-authority-short"
              error={errors.shortName?.message}
              hint={t("shortNameHint")}
            >
              <Input id="new-authority-short" {...form.register("shortName")} />
            </Field>
          </>
        );
      }}
    </FormDialog>
  );
}

function EditAuthorityButton({ authority }: { authority: AuthorityListRow }) {
  const t = useTranslations("taxonomies.authorities");
  return (
    <FormDialog
      trigger={<RowButton label={t("renameName", { name: authority.name })}>{t("rename")}</RowButton>}
      title={t("renameName", { name: authority.name })}
      description={t("renameDescription")}
      schema={updateAuthoritySchema}
      defaults={{ id: authority.id, name: authority.name, shortName: authority.shortName ?? "" }}
      action={updateAuthorityAction}
      submitLabel={t("save")}
      success={(a) => t("saved", { name: a.name })}
    >
      {(form) => (
        <>
          <Field label={t("name")} htmlFor="edit-authority-name" error={form.formState.errors.name?.message}>
            <Input id="edit-authority-name" aria-invalid={!!form.formState.errors.name} {...form.register("name")} />
          </Field>
          <Field label={t("shortName")} htmlFor="edit-authority-short" error={form.formState.errors.shortName?.message}>
            <Input id="edit-authority-short" {...form.register("shortName")} />
          </Field>
        </>
      )}
    </FormDialog>
  );
}

export function AuthoritiesPanel({ authorities }: { authorities: AuthorityListRow[] }) {
  const t = useTranslations("taxonomies.authorities");
  const { channel: channels } = useCodes();
  const count = useCount();
  const inUse = useInUse();
  const columns: Column[] = [
    { label: t("market") },
    { label: t("channel") },
    { label: t("authority") },
    { label: t("complaints"), numeric: true },
  ];
  return (
    <TaxonomyTable columns={columns} empty={authorities.length === 0 && t("empty")}>
      {authorities.map((a) => (
        <TR key={a.id} aria-label={`${a.market} ${a.name}`}>
          <TD className="font-mono text-xs">{a.market}</TD>
          <TD className="whitespace-nowrap">{channels[a.channel]}</TD>
          <TD>
            <span className="font-medium text-zinc-900">{a.name}</span>
            {a.shortName ? <span className="ml-2 text-xs text-zinc-500">{a.shortName}</span> : null}
          </TD>
          <TD className="text-right tabular-nums">{count(a.complaints)}</TD>
          <StatusAndActions
            item={a}
            name={a.name}
            setActive={setAuthorityActiveAction}
            remove={deleteAuthorityAction}
            inUse={inUse(a.name, [["complaints", a.complaints]])}
          >
            <EditAuthorityButton authority={a} />
          </StatusAndActions>
        </TR>
      ))}
    </TaxonomyTable>
  );
}
