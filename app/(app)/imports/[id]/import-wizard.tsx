"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { useFormat } from "@/lib/i18n/hooks";
import { previewImportAction, startImportAction } from "@/lib/imports/actions";
import type { SavedMapping } from "@/lib/imports/mappings";
import type { ImportPreview } from "@/lib/imports/preview";
import type { MappingConfig } from "@/lib/imports/validations";
import { ColumnMapper } from "./column-mapper";
import { PreviewPanel } from "./preview-panel";
import { ValueMapper } from "./value-mapper";

const DELIMITER_NAMES: Record<string, "comma" | "semicolon" | "tab"> = { ",": "comma", ";": "semicolon", "\t": "tab" };

export function ImportWizard({
  jobId,
  initialConfig,
  initialMappingName,
  initialPreview,
  mappings,
}: {
  jobId: string;
  initialConfig: MappingConfig;
  initialMappingName: string | null;
  initialPreview: ImportPreview;
  mappings: SavedMapping[];
}) {
  const router = useRouter();
  const t = useTranslations("imports.wizard");
  const { number } = useFormat();
  const [config, setConfig] = useState(initialConfig);
  const [mappingName, setMappingName] = useState(initialMappingName ?? "");
  const [saveMapping, setSaveMapping] = useState(false);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [dryRun, setDryRun] = useState(false);
  const [createMissing, setCreateMissing] = useState(false);
  const [preview, setPreview] = useState(initialPreview);
  const [checking, startChecking] = useTransition();
  const [starting, startStarting] = useTransition();
  const first = useRef(true);

  // Every change to the mapping re-checks the file, so the preview always matches what will run.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => {
      startChecking(async () => {
        const result = await previewImportAction({ jobId, config: { ...config, createMissing } });
        if ("error" in result) toast.error(result.error.message);
        else setPreview(result.data);
      });
    }, 400);
    return () => clearTimeout(timer);
  }, [config, createMissing, jobId]);

  const loadMapping = (name: string) => {
    const found = mappings.find((m) => m.name === name);
    if (!found) return;
    setConfig(found.config);
    setMappingName(found.name);
  };

  const start = () =>
    startStarting(async () => {
      const result = await startImportAction({
        jobId,
        config,
        mappingName: mappingName || null,
        saveMapping,
        skipInvalid,
        dryRun,
        createMissing,
      });
      if ("error" in result) {
        toast.error(result.error.message);
        return;
      }
      router.refresh();
    });

  const { format } = preview;
  const encoding = format.encoding === "utf-8" ? "UTF-8" : "Windows-1252";
  const delimiter = DELIMITER_NAMES[format.delimiter];
  const blocked = preview.missingFields.length > 0 || (preview.rejected > 0 && !skipInvalid && !dryRun);
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>{t("read.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-2 gap-4 text-sm sm:grid-cols-4">
            <Setting term={t("read.encoding")} value={format.bom ? t("read.withBom", { encoding }) : encoding} />
            <Setting term={t("read.delimiter")} value={delimiter ? t(`read.${delimiter}`) : format.delimiter} />
            <Setting
              term={t("read.headerRow")}
              value={
                format.headerLine > 1
                  ? t("read.headerLineSkipped", { line: format.headerLine, skipped: format.headerLine - 1 })
                  : t("read.headerLine", { line: format.headerLine })
              }
            />
            <Setting term={t("read.columns")} value={number(format.headers.length)} />
          </dl>
        </CardContent>
      </Card>

      <ColumnMapper
        headers={format.headers}
        config={config}
        onChange={setConfig}
        mappings={mappings}
        mappingName={mappingName}
        onLoadMapping={loadMapping}
        ignored={preview.ignoredColumns}
      />
      <ValueMapper values={preview.values} config={config} onChange={setConfig} />
      <PreviewPanel preview={preview} checking={checking} />

      <Card>
        <CardHeader>
          <CardTitle>{t("run.title")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <div className="flex flex-col gap-2 text-sm">
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} />
              {t("run.skipInvalid")}
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={createMissing} onChange={(e) => setCreateMissing(e.target.checked)} />
              {t("run.createMissing")}
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} />
              {t("run.dryRun")}
            </label>
            <div className="flex flex-wrap items-center gap-2">
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={saveMapping} onChange={(e) => setSaveMapping(e.target.checked)} />
                {t("run.saveMapping")}
              </label>
              <Input
                aria-label={t("run.mappingName")}
                className="w-56"
                value={mappingName}
                onChange={(e) => setMappingName(e.target.value)}
                placeholder={t("run.mappingNamePlaceholder")}
              />
            </div>
          </div>
          {blocked && preview.missingFields.length === 0 ? (
            <Alert tone="warning">{t("run.blocked", { count: preview.rejected })}</Alert>
          ) : null}
          <Button onClick={start} disabled={starting || checking || blocked}>
            {starting ? t("run.starting") : dryRun ? t("run.startDryRun") : t("run.start")}
          </Button>
        </CardContent>
      </Card>
    </div>
  );
}

function Setting({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt className="text-zinc-500">{term}</dt>
      <dd className="font-medium text-zinc-900">{value}</dd>
    </div>
  );
}
