"use client";

import { Pencil } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { type ReactNode, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { Input, Select, Textarea } from "@/components/ui/input";
import { MIN_DATE } from "@/lib/bounds";
import type { ComplaintField } from "@/lib/complaints/validations";
import { useComplaintEdit } from "./edit-context";

export type FieldEditor =
  | { kind: "text"; maxLength?: number }
  | { kind: "textarea" }
  | { kind: "date"; max?: string }
  | { kind: "select"; choices: { value: string; label: string }[]; empty?: string }
  | { kind: "boolean"; empty?: string };

function toValue(editor: FieldEditor, draft: string): unknown {
  if (editor.kind === "boolean") return draft === "" ? null : draft === "true";
  if (editor.kind === "select" || editor.kind === "textarea") return draft === "" ? null : draft;
  return draft;
}

/** One field of the complaint: its value, and for editors an "Edit" button that edits it in place. */
export function EditableField({
  label,
  field,
  value,
  display,
  editor,
  wide,
  locked = false,
}: {
  label: string;
  field: ComplaintField;
  value: string;
  display: ReactNode;
  editor: FieldEditor;
  wide?: boolean;
  /** Shown but never editable here (e.g. personal data that has been erased). */
  locked?: boolean;
}) {
  const t = useTranslations("complaint.editField");
  const common = useTranslations("common");
  const locale = useLocale();
  const { canEdit: mayEdit, save } = useComplaintEdit();
  const canEdit = mayEdit && !locked;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // A date typed that is no date is refused at the field, with its own message, before any save.
  const [readable, setReadable] = useState(true);
  const id = useId();

  async function onSave() {
    if (!readable) return;
    setSaving(true);
    const result = await save({ [field]: toValue(editor, draft) } as never);
    setSaving(false);
    if (result.ok) {
      setEditing(false);
      setError(null);
    } else {
      setError(result.fieldError ?? null);
      if (!result.fieldError) setEditing(false);
    }
  }

  const control = {
    id,
    value: draft,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : undefined,
    autoFocus: true,
  };
  return (
    <div className={wide ? "sm:col-span-2" : undefined}>
      <dt className="flex items-center gap-1 text-xs font-medium tracking-wide text-zinc-500 uppercase">
        {editing ? <label htmlFor={id}>{label}</label> : label}
        {canEdit && !editing ? (
          <button
            type="button"
            aria-label={t("edit", { field: label.toLocaleLowerCase(locale) })}
            className="rounded p-0.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-700"
            onClick={() => {
              setDraft(value);
              setReadable(true);
              setEditing(true);
            }}
          >
            <Pencil className="size-3" />
          </button>
        ) : null}
      </dt>
      <dd className="mt-1 text-sm text-zinc-900">
        {editing ? (
          <form
            className="flex flex-col gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              void onSave();
            }}
          >
            {editor.kind === "textarea" ? (
              <Textarea {...control} rows={6} onChange={(e) => setDraft(e.target.value)} />
            ) : editor.kind === "select" || editor.kind === "boolean" ? (
              <Select {...control} onChange={(e) => setDraft(e.target.value)}>
                <option value="">{editor.empty ?? t("none")}</option>
                {(editor.kind === "boolean"
                  ? [
                      { value: "true", label: common("yes") },
                      { value: "false", label: common("no") },
                    ]
                  : editor.choices
                ).map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </Select>
            ) : editor.kind === "date" ? (
              <DateInput
                id={id}
                label={label}
                hideLabel
                autoFocus
                min={MIN_DATE}
                max={editor.max}
                value={draft}
                error={error ?? undefined}
                onChange={(next, valid) => {
                  setDraft(next);
                  setReadable(valid);
                }}
              />
            ) : (
              <Input {...control} type="text" onChange={(e) => setDraft(e.target.value)} />
            )}
            {error && editor.kind !== "date" ? (
              <p id={`${id}-error`} role="alert" className="text-xs font-medium text-red-600">
                {error}
              </p>
            ) : null}
            <div className="flex gap-2">
              <Button type="submit" size="sm" disabled={saving}>
                {saving ? t("saving") : t("save")}
              </Button>
              <Button
                type="button"
                size="sm"
                variant="ghost"
                onClick={() => {
                  setEditing(false);
                  setError(null);
                }}
              >
                {t("cancel")}
              </Button>
            </div>
          </form>
        ) : (
          <div className="break-words whitespace-pre-wrap">{display}</div>
        )}
      </dd>
    </div>
  );
}
