"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/input";

export function UploadForm({ mappings }: { mappings: { id: string; name: string }[] }) {
  const router = useRouter();
  const t = useTranslations("imports.upload");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setError(t("chooseFile"));
      return;
    }
    setPending(true);
    try {
      const response = await fetch("/api/v1/imports", { method: "POST", body: form });
      const body = await response.json();
      if (!response.ok) {
        setError(body.error?.message ?? t("failed"));
        return;
      }
      router.push(`/imports/${body.id}`);
    } catch {
      setError(t("offline"));
    } finally {
      setPending(false);
    }
  }

  return (
    <Card className="mb-6">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} className="flex flex-wrap items-end gap-4">
          <Field label={t("file")} htmlFor="import-file" error={error ?? undefined} className="min-w-72 flex-1">
            <Input
              id="import-file"
              name="file"
              type="file"
              accept=".csv,.tsv,.txt,text/csv"
              className="h-auto py-1.5"
              aria-invalid={!!error}
            />
          </Field>
          <Field label={t("mapping")} htmlFor="import-mapping" className="w-72">
            <Select id="import-mapping" name="mapping" defaultValue="">
              <option value="">{t("canonical")}</option>
              {mappings.map((m) => (
                <option key={m.id} value={m.name}>
                  {m.name}
                </option>
              ))}
            </Select>
          </Field>
          <Button type="submit" disabled={pending}>
            {pending ? t("uploading") : t("submit")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
