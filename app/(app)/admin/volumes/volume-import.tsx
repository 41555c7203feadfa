"use client";

import { useTranslations } from "next-intl";
import { type ChangeEvent, type FormEvent, useState } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Textarea } from "@/components/ui/input";
import { importVolumesAction } from "@/lib/metric/actions";

type Problem = { path: string; message: string };

/** A paste box and a file picker feeding the same import: all lines or none. */
export function VolumeImport() {
  const t = useTranslations("volumes.import");
  const [text, setText] = useState("");
  const [fileName, setFileName] = useState<string | undefined>();
  const [problems, setProblems] = useState<{ message: string; details: Problem[] } | null>(null);
  const [pending, setPending] = useState(false);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setText(await file.text());
    setFileName(file.name);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setProblems(null);
    const result = await importVolumesAction({ text, fileName });
    setPending(false);
    if ("data" in result) {
      const { rows, inserted, updated, unchanged } = result.data;
      toast.success(t("imported", { rows, inserted, updated, unchanged }));
      setText("");
      setFileName(undefined);
    } else {
      const details = Array.isArray(result.error.details) ? (result.error.details as Problem[]) : [];
      const fieldDetails = result.fieldErrors
        ? Object.entries(result.fieldErrors).flatMap(([path, m]) => m.slice(0, 1).map((message) => ({ path, message })))
        : [];
      setProblems({ message: result.error.message, details: details.length ? details : fieldDetails });
    }
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <Field label={t("label")} htmlFor="volume-text" hint={t("hint")}>
        <Textarea
          id="volume-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={6}
          className="font-mono text-xs"
          placeholder={"market,month,purchases\nSE,2019-04,4712000"}
        />
      </Field>
      <Field label={t("file")} htmlFor="volume-file">
        <input
          id="volume-file"
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          onChange={onFile}
          className="text-sm"
        />
      </Field>
      {problems ? (
        <Alert tone="danger">
          <p className="font-medium">{problems.message}</p>
          {problems.details.length > 0 ? (
            <ul className="mt-2 list-disc pl-5">
              {problems.details.slice(0, 20).map((d) => (
                <li key={`${d.path}-${d.message}`}>
                  {d.path}: {d.message}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <div>
        <Button type="submit" disabled={pending || text.trim() === ""}>
          {pending ? t("importing") : t("submit")}
        </Button>
      </div>
    </form>
  );
}
