"use client";

import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/input";
import { TD, TR } from "@/components/ui/table";
import { CHANNEL_LABELS } from "@/lib/complaints/labels";
import { AUTHORITY_CHANNELS } from "@/lib/domain/values";
import {
  createAuthorityAction,
  deleteAuthorityAction,
  setAuthorityActiveAction,
  updateAuthorityAction,
} from "@/lib/taxonomies/actions";
import { inUseMessage } from "@/lib/taxonomies/in-use";
import type { AuthorityListRow } from "@/lib/taxonomies/reads";
import { createAuthoritySchema, updateAuthoritySchema } from "@/lib/taxonomies/validations";
import { type Column, FormDialog, formatCount, RowButton, StatusAndActions, TaxonomyTable } from "./taxonomy-ui";

type Market = { code: string; name: string };

export function NewAuthorityButton({ markets }: { markets: Market[] }) {
  return (
    <FormDialog
      trigger={<Button disabled={markets.length === 0}>New authority</Button>}
      title="New authority"
      description="A body customers can register a complaint with, in one market. Complaints on its channel in that market can then name it."
      schema={createAuthoritySchema}
      defaults={{ market: markets[0]?.code ?? "", channel: "consumer_agency", name: "", shortName: "" }}
      action={createAuthorityAction}
      submitLabel="Create authority"
      pendingLabel="Creating…"
      success={(a) => `${a.name} created`}
    >
      {(form) => {
        const { errors } = form.formState;
        return (
          <>
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label="Market" htmlFor="new-authority-market" error={errors.market?.message}>
                <Select id="new-authority-market" {...form.register("market")}>
                  {markets.map((m) => (
                    <option key={m.code} value={m.code}>
                      {m.name} ({m.code})
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Channel" htmlFor="new-authority-channel" error={errors.channel?.message}>
                <Select id="new-authority-channel" {...form.register("channel")}>
                  {AUTHORITY_CHANNELS.map((c) => (
                    <option key={c} value={c}>
                      {CHANNEL_LABELS[c]}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
            <Field label="Name" htmlFor="new-authority-name" error={errors.name?.message}>
              <Input id="new-authority-name" aria-invalid={!!errors.name} {...form.register("name")} />
            </Field>
            <Field
              label="Short name"
              htmlFor="new-authority-short"
              error={errors.shortName?.message}
              hint="Optional, e.g. ARN."
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
  return (
    <FormDialog
      trigger={<RowButton label={`Rename ${authority.name}`}>Rename</RowButton>}
      title={`Rename ${authority.name}`}
      description="Market and channel stay: complaints registered with it are checked against both. A different route is a new authority."
      schema={updateAuthoritySchema}
      defaults={{ id: authority.id, name: authority.name, shortName: authority.shortName ?? "" }}
      action={updateAuthorityAction}
      submitLabel="Save authority"
      success={(a) => `${a.name} saved`}
    >
      {(form) => (
        <>
          <Field label="Name" htmlFor="edit-authority-name" error={form.formState.errors.name?.message}>
            <Input id="edit-authority-name" aria-invalid={!!form.formState.errors.name} {...form.register("name")} />
          </Field>
          <Field label="Short name" htmlFor="edit-authority-short" error={form.formState.errors.shortName?.message}>
            <Input id="edit-authority-short" {...form.register("shortName")} />
          </Field>
        </>
      )}
    </FormDialog>
  );
}

const COLUMNS: Column[] = [
  { label: "Market" },
  { label: "Channel" },
  { label: "Authority" },
  { label: "Complaints", numeric: true },
];

export function AuthoritiesPanel({ authorities }: { authorities: AuthorityListRow[] }) {
  return (
    <TaxonomyTable
      columns={COLUMNS}
      empty={authorities.length === 0 && "No authorities yet. Add one with “New authority”."}
    >
      {authorities.map((a) => (
        <TR key={a.id} aria-label={`${a.market} ${a.name}`}>
          <TD className="font-mono text-xs">{a.market}</TD>
          <TD className="whitespace-nowrap">{CHANNEL_LABELS[a.channel]}</TD>
          <TD>
            <span className="font-medium text-zinc-900">{a.name}</span>
            {a.shortName ? <span className="ml-2 text-xs text-zinc-500">{a.shortName}</span> : null}
          </TD>
          <TD className="text-right tabular-nums">{formatCount(a.complaints)}</TD>
          <StatusAndActions
            item={a}
            name={a.name}
            setActive={setAuthorityActiveAction}
            remove={deleteAuthorityAction}
            inUse={inUseMessage(a.name, [{ count: a.complaints, one: "complaint", many: "complaints" }])}
          >
            <EditAuthorityButton authority={a} />
          </StatusAndActions>
        </TR>
      ))}
    </TaxonomyTable>
  );
}
