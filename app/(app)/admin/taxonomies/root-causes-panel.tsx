"use client";

import type { UseFormReturn } from "react-hook-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, Input, Select, Textarea } from "@/components/ui/input";
import { TD, TR } from "@/components/ui/table";
import {
  createRootCauseAction,
  deleteRootCauseAction,
  mergeRootCauseAction,
  setRootCauseActiveAction,
  updateRootCauseAction,
} from "@/lib/taxonomies/actions";
import { inUseMessage } from "@/lib/taxonomies/in-use";
import type { RootCauseListRow } from "@/lib/taxonomies/reads";
import {
  type CreateRootCauseInput,
  createRootCauseSchema,
  mergeRootCauseSchema,
  updateRootCauseSchema,
} from "@/lib/taxonomies/validations";
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
      description="Tagged complaints, actions and reports follow a new name; the old name stays an alias, so files that use it still import."
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

function MergeRootCauseButton({ cause, targets }: { cause: RootCauseListRow; targets: RootCauseListRow[] }) {
  return (
    <FormDialog
      trigger={<RowButton label={`Merge ${cause.name}`}>Merge…</RowButton>}
      title={`Merge ${cause.name} into another cause`}
      description={`Its ${formatCount(cause.complaints)} complaint tags and ${formatCount(cause.actions)} linked actions move to the cause you choose, and its name becomes an old name of that cause. ${cause.name} stays in the history, inactive.`}
      schema={mergeRootCauseSchema}
      defaults={{ fromId: cause.id, intoId: "" }}
      action={mergeRootCauseAction}
      submitLabel="Merge"
      pendingLabel="Merging…"
      success={(r) => `${cause.name} merged: ${formatCount(r.tagsMoved + r.tagsCombined)} tags moved`}
    >
      {(form) => (
        <Field label="Merge into" htmlFor="merge-into" error={form.formState.errors.intoId?.message}>
          <Select id="merge-into" aria-invalid={!!form.formState.errors.intoId} {...form.register("intoId")}>
            <option value="">Choose a root cause</option>
            {targets
              .filter((t) => t.id !== cause.id)
              .map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
          </Select>
        </Field>
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
  const targets = causes.filter((c) => !c.mergedInto);
  return (
    <TaxonomyTable
      columns={COLUMNS}
      empty={causes.length === 0 && "No root causes yet. Create the first with “New root cause”."}
    >
      {causes.map((c) => (
        <TR key={c.id} aria-label={c.name}>
          <TD className="font-medium text-zinc-900">
            {c.name}
            {c.mergedInto ? (
              <div className="mt-1">
                <Badge tone="neutral">Merged into {c.mergedInto.name}</Badge>
              </div>
            ) : null}
            {c.oldNames.length ? (
              <p className="mt-1 text-xs font-normal text-zinc-500">Also imports as: {c.oldNames.join(", ")}</p>
            ) : null}
          </TD>
          <TD className="max-w-md text-zinc-600">{c.description || <span className="text-zinc-500">—</span>}</TD>
          <TD className="text-right tabular-nums">{formatCount(c.complaints)}</TD>
          <TD className="text-right tabular-nums">{formatCount(c.actions)}</TD>
          <StatusAndActions
            item={c}
            name={c.name}
            setActive={setRootCauseActiveAction}
            remove={deleteRootCauseAction}
            inUse={inUseMessage(c.name, [
              { count: c.complaints, one: "complaint", many: "complaints" },
              { count: c.actions, one: "remediation action", many: "remediation actions" },
            ])}
          >
            <EditRootCauseButton cause={c} />
            {c.mergedInto ? null : <MergeRootCauseButton cause={c} targets={targets} />}
          </StatusAndActions>
        </TR>
      ))}
    </TaxonomyTable>
  );
}
