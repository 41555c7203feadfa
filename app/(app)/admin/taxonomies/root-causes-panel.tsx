"use client";

import type { UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Field, Input, Textarea } from "@/components/ui/input";
import { TD, TR } from "@/components/ui/table";
import {
  createRootCauseAction,
  deleteRootCauseAction,
  setRootCauseActiveAction,
  updateRootCauseAction,
} from "@/lib/taxonomies/actions";
import type { RootCauseListRow } from "@/lib/taxonomies/queries";
import { type CreateRootCauseInput, createRootCauseSchema, updateRootCauseSchema } from "@/lib/taxonomies/validations";
import { type Column, FormDialog, formatCount, RowButton, StatusAndActions, TaxonomyTable } from "./taxonomy-ui";

function RootCauseFields({ form, idPrefix }: { form: UseFormReturn<CreateRootCauseInput>; idPrefix: string }) {
  const { errors } = form.formState;
  return (
    <>
      <Field label="Name" htmlFor={`${idPrefix}-name`} error={errors.name?.message}>
        <Input id={`${idPrefix}-name`} aria-invalid={!!errors.name} {...form.register("name")} />
      </Field>
      <Field
        label="Description"
        htmlFor={`${idPrefix}-description`}
        error={errors.description?.message}
        hint="What reviewers should tag with it, in a sentence or two."
      >
        <Textarea id={`${idPrefix}-description`} {...form.register("description")} />
      </Field>
    </>
  );
}

export function NewRootCauseButton() {
  return (
    <FormDialog
      trigger={<Button>New root cause</Button>}
      title="New root cause"
      schema={createRootCauseSchema}
      defaults={{ name: "", description: "" }}
      action={createRootCauseAction}
      submitLabel="Create root cause"
      pendingLabel="Creating…"
      success={(r) => `${r.name} created`}
    >
      {(form) => <RootCauseFields form={form as UseFormReturn<CreateRootCauseInput>} idPrefix="new-cause" />}
    </FormDialog>
  );
}

function EditRootCauseButton({ cause }: { cause: RootCauseListRow }) {
  return (
    <FormDialog
      trigger={<RowButton label={`Edit ${cause.name}`}>Edit</RowButton>}
      title={`Edit ${cause.name}`}
      description="Tagged complaints, actions and reports follow a new name; the audit log keeps the old one. Imports name causes by their current name."
      schema={updateRootCauseSchema}
      defaults={{ id: cause.id, name: cause.name, description: cause.description ?? "" }}
      action={updateRootCauseAction}
      submitLabel="Save root cause"
      success={(r) => (r.name !== cause.name ? `Renamed to ${r.name}` : `${r.name} saved`)}
    >
      {(form) => (
        <RootCauseFields form={form as unknown as UseFormReturn<CreateRootCauseInput>} idPrefix="edit-cause" />
      )}
    </FormDialog>
  );
}

const COLUMNS: Column[] = [
  { label: "Root cause" },
  { label: "Description" },
  { label: "Complaints tagged", numeric: true },
  { label: "Actions linked", numeric: true },
];

export function RootCausesPanel({ causes }: { causes: RootCauseListRow[] }) {
  return (
    <TaxonomyTable
      columns={COLUMNS}
      empty={causes.length === 0 && "No root causes yet. Create the first with “New root cause”."}
    >
      {causes.map((c) => (
        <TR key={c.id} aria-label={c.name}>
          <TD className="font-medium text-zinc-900">{c.name}</TD>
          <TD className="max-w-md text-zinc-600">{c.description || <span className="text-zinc-400">—</span>}</TD>
          <TD className="text-right tabular-nums">{formatCount(c.complaints)}</TD>
          <TD className="text-right tabular-nums">{formatCount(c.actions)}</TD>
          <StatusAndActions item={c} name={c.name} setActive={setRootCauseActiveAction} remove={deleteRootCauseAction}>
            <EditRootCauseButton cause={c} />
          </StatusAndActions>
        </TR>
      ))}
    </TaxonomyTable>
  );
}
