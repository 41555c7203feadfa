"use client";

import { Pencil } from "lucide-react";
import { type ReactNode, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select, Textarea } from "@/components/ui/input";
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
  const { canEdit: mayEdit, save } = useComplaintEdit();
  const canEdit = mayEdit && !locked;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();

  async function onSave() {
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
            aria-label={`Edit ${label.toLowerCase()}`}
            className="rounded p-0.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-700"
            onClick={() => {
              setDraft(value);
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
                <option value="">{editor.empty ?? "None"}</option>
                {(editor.kind === "boolean"
                  ? [
                      { value: "true", label: "Yes" },
                      { value: "false", label: "No" },
                    ]
                  : editor.choices
                ).map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </Select>
            ) : (
              <Input
                {...control}
                type={editor.kind === "date" ? "date" : "text"}
                max={editor.kind === "date" ? editor.max : undefined}
                onChange={(e) => setDraft(e.target.value)}
              />
            )}
            {error ? (
              <p id={`${id}-error`} role="alert" className="text-xs font-medium text-red-600">
                {error}
              </p>
            ) : null}
            <div className="flex gap-2">
              <Button type="submit" size="sm" disabled={saving}>
                {saving ? "Saving…" : "Save"}
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
                Cancel
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
