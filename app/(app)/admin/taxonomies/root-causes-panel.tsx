"use client";

import { useTranslations } from "next-intl";
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
import type { RootCauseListRow } from "@/lib/taxonomies/reads";
import {
  type CreateRootCauseInput,
  createRootCauseSchema,
  mergeRootCauseSchema,
  updateRootCauseSchema,
} from "@/lib/taxonomies/validations";
import { type Column, FormDialog, RowButton, StatusAndActions, TaxonomyTable, useCount, useInUse } from "./taxonomy-ui";

function RootCauseFields({ form, idPrefix }: { form: UseFormReturn<CreateRootCauseInput>; idPrefix: string }) {
  const t = useTranslations("taxonomies.rootCauses");
  const { errors } = form.formState;
  return (
    <>
      <Field label={t("name")} htmlFor={`${idPrefix}-name`} error={errors.name?.message}>
        <Input id={`${idPrefix}-name`} aria-invalid={!!errors.name} {...form.register("name")} />
      </Field>
      <Field
        label={t("description")}
        htmlFor={`${idPrefix}-description`}
        error={errors.description?.message}
        hint={t("descriptionHint")}
      >
        <Textarea id={`${idPrefix}-description`} {...form.register("description")} />
      </Field>
    </>
  );
}

export function NewRootCauseButton() {
  const t = useTranslations("taxonomies.rootCauses");
  return (
    <FormDialog
      trigger={<Button>{t("new")}</Button>}
      title={t("new")}
      schema={createRootCauseSchema}
      defaults={{ name: "", description: "" }}
      action={createRootCauseAction}
      submitLabel={t("create")}
      pendingLabel={t("creating")}
      success={(r) => t("created", { name: r.name })}
    >
      {(form) => <RootCauseFields form={form as UseFormReturn<CreateRootCauseInput>} idPrefix="new-cause" />}
    </FormDialog>
  );
}

function EditRootCauseButton({ cause }: { cause: RootCauseListRow }) {
  const t = useTranslations("taxonomies.rootCauses");
  return (
    <FormDialog
      trigger={<RowButton label={t("editName", { name: cause.name })}>{t("edit")}</RowButton>}
      title={t("editName", { name: cause.name })}
      description={t("editDescription")}
      schema={updateRootCauseSchema}
      defaults={{ id: cause.id, name: cause.name, description: cause.description ?? "" }}
      action={updateRootCauseAction}
      submitLabel={t("save")}
      success={(r) => (r.name !== cause.name ? t("renamed", { name: r.name }) : t("saved", { name: r.name }))}
    >
      {(form) => (
        <RootCauseFields form={form as unknown as UseFormReturn<CreateRootCauseInput>} idPrefix="edit-cause" />
      )}
    </FormDialog>
  );
}

function MergeRootCauseButton({ cause, targets }: { cause: RootCauseListRow; targets: RootCauseListRow[] }) {
  const t = useTranslations("taxonomies.rootCauses");
  const count = useCount();
  return (
    <FormDialog
      trigger={<RowButton label={t("mergeName", { name: cause.name })}>{t("mergeButton")}</RowButton>}
      title={t("mergeTitle", { name: cause.name })}
      description={t("mergeDescription", {
        name: cause.name,
        tags: cause.complaints,
        tagsN: count(cause.complaints),
        actions: cause.actions,
        actionsN: count(cause.actions),
      })}
      schema={mergeRootCauseSchema}
      defaults={{ fromId: cause.id, intoId: "" }}
      action={mergeRootCauseAction}
      submitLabel={t("merge")}
      pendingLabel={t("merging")}
      success={(r) =>
        t("merged", {
          name: cause.name,
          count: r.tagsMoved + r.tagsCombined,
          n: count(r.tagsMoved + r.tagsCombined),
        })
      }
    >
      {(form) => (
        <Field label={t("mergeInto")} htmlFor="merge-into" error={form.formState.errors.intoId?.message}>
          <Select id="merge-into" aria-invalid={!!form.formState.errors.intoId} {...form.register("intoId")}>
            <option value="">{t("chooseRootCause")}</option>
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

export function RootCausesPanel({ causes }: { causes: RootCauseListRow[] }) {
  const t = useTranslations("taxonomies.rootCauses");
  const count = useCount();
  const inUse = useInUse();
  const targets = causes.filter((c) => !c.mergedInto);
  const columns: Column[] = [
    { label: t("rootCause") },
    { label: t("description") },
    { label: t("complaintsTagged"), numeric: true },
    { label: t("actionsLinked"), numeric: true },
  ];
  return (
    <TaxonomyTable columns={columns} empty={causes.length === 0 && t("empty")}>
      {causes.map((c) => (
        <TR key={c.id} aria-label={c.name}>
          <TD className="font-medium text-zinc-900">
            {c.name}
            {c.mergedInto ? (
              <div className="mt-1">
                <Badge tone="neutral">{t("mergedInto", { name: c.mergedInto.name })}</Badge>
              </div>
            ) : null}
            {c.oldNames.length ? (
              <p className="mt-1 text-xs font-normal text-zinc-500">
                {t("alsoImportsAs", { names: c.oldNames.join(", ") })}
              </p>
            ) : null}
          </TD>
          <TD className="max-w-md text-zinc-600">{c.description || <span className="text-zinc-500">—</span>}</TD>
          <TD className="text-right tabular-nums">{count(c.complaints)}</TD>
          <TD className="text-right tabular-nums">{count(c.actions)}</TD>
          <StatusAndActions
            item={c}
            name={c.name}
            setActive={setRootCauseActiveAction}
            remove={deleteRootCauseAction}
            inUse={inUse(c.name, [
              ["complaints", c.complaints],
              ["actions", c.actions],
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
