"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { toast } from "sonner";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { useFormat } from "@/lib/i18n/hooks";
import { cancelImportAction, restartImportAction } from "@/lib/imports/actions";
import type { JobView } from "@/lib/imports/job-operations";
import { StatusBadge } from "../status-badge";

const POLL_MS = 1000;

/** Follows a job by polling its row, so the bar picks up where it was after a page reload. */
export function JobProgress({ initial }: { initial: JobView }) {
  const [job, setJob] = useState(initial);
  const t = useTranslations("imports.progress");
  const { number: n } = useFormat();
  const eta = (seconds: number | null) => {
    if (seconds === null) return "—";
    if (seconds < 60) return t("seconds", { seconds: n(seconds) });
    return t("minutes", { minutes: n(Math.floor(seconds / 60)), seconds: n(seconds % 60) });
  };
  const [pending, startTransition] = useTransition();
  // A stalled job is still followed: a runner resumes it by itself.
  const active = job.status === "queued" || job.status === "running";

  useEffect(() => {
    if (!active) return;
    let stop = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/api/v1/imports/${job.id}`, { cache: "no-store" });
        if (response.ok && !stop) setJob(await response.json());
      } catch {
        // A missed poll is retried on the next tick.
      }
    }, POLL_MS);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [active, job.id]);

  const cancel = () =>
    startTransition(async () => {
      const result = await cancelImportAction({ jobId: job.id });
      if ("error" in result) toast.error(result.error.message);
      else toast.success(t("cancelRequested"));
    });
  const restart = () =>
    startTransition(async () => {
      const result = await restartImportAction({ jobId: job.id });
      if ("error" in result) toast.error(result.error.message);
      else setJob({ ...job, status: "queued", stale: false, phase: "queued", attempts: job.attempts });
    });

  const label =
    job.phase === "writing"
      ? t("writing")
      : job.phase === "validating"
        ? t("checking")
        : job.status === "queued"
          ? t("waiting")
          : t("done");
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <StatusBadge job={job} />
      </CardHeader>
      <CardContent className="space-y-4">
        <div>
          <div className="mb-1 flex justify-between text-sm text-zinc-700">
            {/* How it ended is said once, in the alert below. */}
            <span>{label}</span>
            <span className="tabular-nums">
              {job.percent === null ? "" : t("percent", { percent: n(job.percent) })}
            </span>
          </div>
          <div
            role="progressbar"
            aria-label={t("bar")}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={job.percent ?? undefined}
            className="h-3 w-full overflow-hidden rounded-full bg-zinc-100"
          >
            <div
              className={`h-full rounded-full transition-all ${job.status === "failed" ? "bg-red-500" : job.status === "completed" ? "bg-emerald-500" : "bg-zinc-900"} ${job.percent === null && active ? "w-1/4 animate-pulse" : ""}`}
              style={job.percent === null ? undefined : { width: `${job.percent}%` }}
            />
          </div>
        </div>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
          <Stat term={t("rowsRead")} value={n(job.rowsRead)} />
          <Stat term={t("rowsWritten")} value={n(job.rowsWritten)} />
          <Stat term={t("rejected")} value={n(job.rowsRejected)} />
          <Stat term={t("rowsPerSecond")} value={job.rowsPerSecond === null ? "—" : n(job.rowsPerSecond)} />
          <Stat term={t("added")} value={n(job.counts.inserted)} />
          <Stat term={t("updated")} value={n(job.counts.updated)} />
          <Stat term={t("unchanged")} value={n(job.counts.unchanged)} />
          <Stat term={t("timeLeft")} value={active ? eta(job.secondsLeft) : "—"} />
          <Stat term={t("runner")} value={job.worker ?? "—"} />
          <Stat term={t("attempts")} value={n(job.attempts)} />
        </dl>
        {job.stale ? <Alert tone="warning">{job.hasFile ? t("staleFile") : t("staleCommandLine")}</Alert> : null}
        {job.resumed && active ? <Alert tone="info">{t("resumed")}</Alert> : null}
        {!active && job.message ? (
          <Alert tone={job.status === "completed" ? "success" : job.status === "failed" ? "danger" : "warning"}>
            {job.message}
          </Alert>
        ) : null}
        <div className="flex flex-wrap gap-2">
          {active ? (
            <Button variant="secondary" onClick={cancel} disabled={pending || job.cancelRequested}>
              {job.cancelRequested ? t("cancelling") : t("cancel")}
            </Button>
          ) : null}
          {(job.status === "failed" || job.status === "cancelled") && job.hasFile ? (
            <Button variant="secondary" onClick={restart} disabled={pending}>
              {t("runAgain")}
            </Button>
          ) : null}
          {job.rowsRejected > 0 || job.status === "failed" ? (
            <Button variant="secondary" asChild>
              <a href={`/api/v1/imports/${job.id}/errors`} download>
                {t("downloadErrors")}
              </a>
            </Button>
          ) : null}
        </div>
        {job.created.markets.length +
        job.created.products.length +
        job.created.categories.length +
        job.created.rootCauses.length ? (
          <div>
            <h3 className="mb-1 text-sm font-medium text-zinc-800">{t("created")}</h3>
            <ul aria-label={t("created")} className="list-disc pl-5 text-sm text-zinc-700">
              {job.created.markets.map((m) => (
                <li key={`m-${m}`}>{t("createdMarket", { name: m })}</li>
              ))}
              {job.created.products.map((p) => (
                <li key={`p-${p}`}>{t("createdProduct", { name: p })}</li>
              ))}
              {job.created.categories.map((c) => (
                <li key={`c-${c}`}>{t("createdCategory", { name: c })}</li>
              ))}
              {job.created.rootCauses.map((r) => (
                <li key={`r-${r}`}>{t("createdRootCause", { name: r })}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {job.status === "completed" && job.sample.length ? (
          <div>
            <h3 className="mb-1 text-sm font-medium text-zinc-800">{t("imported")}</h3>
            <ul className="flex flex-wrap gap-3 text-sm">
              {job.sample.map((c) => (
                <li key={c.id}>
                  <Link href={`/complaints/${c.id}`} className="text-brand-700 hover:underline">
                    {c.reference}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </CardContent>
    </Card>
  );
}

function Stat({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt className="text-zinc-500">{term}</dt>
      <dd className="font-medium tabular-nums text-zinc-900">{value}</dd>
    </div>
  );
}
