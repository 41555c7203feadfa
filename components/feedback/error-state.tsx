"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

type Cause = "checking" | "database" | "other";

/**
 * What an error page says: whether the database is answering (asked of /api/health, since the error
 * itself reaches the browser without its message in production) and a retry. The exception's own
 * message is never shown: it may name tables or values. The digest lets support find the log line.
 */
export function ErrorState({ digest, reset }: { digest?: string; reset: () => void }) {
  const router = useRouter();
  const [cause, setCause] = useState<Cause>("checking");
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    let live = true;
    fetch("/api/health", { cache: "no-store" })
      .then((response) => live && setCause(response.status === 503 ? "database" : "other"))
      .catch(() => live && setCause("database"));
    return () => {
      live = false;
    };
  }, []);

  const retry = () =>
    startTransition(() => {
      router.refresh();
      reset();
    });

  return (
    <div role="alert" className="mx-auto max-w-lg px-4 py-16 text-center">
      <p className="text-sm font-semibold text-red-700">{cause === "database" ? "Service unavailable" : "Error"}</p>
      <h1 className="mt-2 text-2xl font-semibold text-zinc-900">
        {cause === "database" ? "The database is not answering" : "This page could not be shown"}
      </h1>
      <p className="mt-2 text-sm text-zinc-600">
        {cause === "database"
          ? "The service cannot reach its database just now, so nothing can be shown or saved. Nothing you saved before is lost. It usually comes back by itself within a minute."
          : "Something went wrong while preparing this page. Nothing was changed. Try again; if it keeps happening, tell support the reference below."}
      </p>
      <div className="mt-6 flex items-center justify-center gap-3">
        <Button onClick={retry} disabled={pending}>
          {pending ? "Retrying…" : "Try again"}
        </Button>
        <a href="/" className="text-sm font-medium text-brand-700 underline">
          Start page
        </a>
      </div>
      {digest ? <p className="mt-6 text-xs text-zinc-500">Reference: {digest}</p> : null}
    </div>
  );
}
