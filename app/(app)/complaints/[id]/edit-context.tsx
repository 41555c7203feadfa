"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createContext, type ReactNode, useContext, useEffect, useState, useTransition } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { updateComplaintAction } from "@/lib/complaints/actions";
import type { ComplaintChanges } from "@/lib/complaints/validations";
import { firstFieldError } from "@/lib/validation";

type Conflict = { message: string; sentences: string[]; currentVersion: number; changes: ComplaintChanges };
type SaveResult = { ok: true } | { ok: false; fieldError?: string };

type EditContext = {
  canEdit: boolean;
  pending: boolean;
  save: (changes: ComplaintChanges) => Promise<SaveResult>;
};

const Context = createContext<EditContext | null>(null);

export function useComplaintEdit(): EditContext {
  const value = useContext(Context);
  if (!value) throw new Error("useComplaintEdit outside ComplaintEditProvider");
  return value;
}

/**
 * Every in-place edit on the page goes through here with the version the page was read at. A stale
 * edit is refused by the server; we show who changed what since and offer to reapply on top of it.
 */
export function ComplaintEditProvider({
  id,
  version,
  canEdit,
  children,
}: {
  id: string;
  version: number;
  canEdit: boolean;
  children: ReactNode;
}) {
  const t = useTranslations("complaint.conflict");
  const router = useRouter();
  const [current, setCurrent] = useState(version);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [pending, startTransition] = useTransition();
  useEffect(() => setCurrent(version), [version]);

  async function submit(changes: ComplaintChanges, at: number): Promise<SaveResult> {
    const result = await updateComplaintAction({ id, version: at, changes });
    if ("data" in result) {
      setCurrent(result.data.version);
      setConflict(null);
      startTransition(() => router.refresh());
      return { ok: true };
    }
    if (result.error.code === "conflict") {
      const details = result.error.details as { currentVersion: number; changes: { sentence: string }[] };
      setConflict({
        message: result.error.message,
        sentences: details.changes.map((c) => c.sentence),
        currentVersion: details.currentVersion,
        changes,
      });
      return { ok: false };
    }
    const fieldError = firstFieldError(result.fieldErrors);
    if (!fieldError) toast.error(result.error.message);
    return { ok: false, fieldError: fieldError ?? result.error.message };
  }

  const value: EditContext = { canEdit, pending, save: (changes) => submit(changes, current) };
  return (
    <Context.Provider value={value}>
      {conflict ? (
        <Alert tone="danger" className="mb-4">
          <p className="font-medium">{t("notSaved", { message: conflict.message })}</p>
          <ul className="mt-1 list-disc pl-5">
            {conflict.sentences.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
          <div className="mt-3 flex gap-2">
            <Button
              size="sm"
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  await submit(conflict.changes, conflict.currentVersion);
                })
              }
            >
              {t("reapply")}
            </Button>
            <Button
              size="sm"
              variant="secondary"
              onClick={() => {
                setConflict(null);
                startTransition(() => router.refresh());
              }}
            >
              {t("discard")}
            </Button>
          </div>
        </Alert>
      ) : null}
      {children}
    </Context.Provider>
  );
}
