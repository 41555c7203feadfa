"use client";

import { useRouter } from "next/navigation";
import { useLocale, useMessages } from "next-intl";
import { Fragment, type ReactNode, useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { fillMessage } from "@/lib/i18n/messages";
import type en from "@/messages/en/errorPages.json";

type Cause = "checking" | "database" | "other";

/** An error page's words in one language (messages' errorPages.failed). */
export type FailedWords = (typeof en)["failed"];
export type ErrorLanguage = { lang: string; words: FailedWords };

/**
 * What an error page says, in the reader's language: whether the database is answering (asked of
 * /api/health, since the error itself reaches the browser without its message in production) and a
 * retry. The exception's own message is never shown: it may name tables or values. The digest lets
 * support find the log line.
 */
export function ErrorState({ digest, reset }: { digest?: string; reset: () => void }) {
  const words = useMessages().errorPages.failed;
  return <ErrorStateIn languages={[{ lang: useLocale(), words }]} digest={digest} reset={reset} />;
}

/**
 * The same page in one language or several, each line in each (for the last-resort page, which has
 * no provider to ask the reader's language of).
 */
export function ErrorStateIn({
  languages,
  digest,
  reset,
}: {
  languages: readonly ErrorLanguage[];
  digest?: string;
  reset: () => void;
}) {
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

  const database = cause === "database";
  /** One line in every language, the first as it is and the others marked with their own. */
  const say = (pick: (w: FailedWords) => string, separator: ReactNode = " / "): ReactNode =>
    languages.map(({ lang, words }, i) => (
      <Fragment key={lang}>
        {i > 0 ? separator : null}
        <span lang={lang}>{pick(words)}</span>
      </Fragment>
    ));

  return (
    <div role="alert" className="mx-auto max-w-lg px-4 py-16 text-center">
      <p className="text-sm font-semibold text-red-700">{say((w) => (database ? w.labelDatabase : w.label))}</p>
      <h1 className="mt-2 text-2xl font-semibold text-zinc-900">
        {say((w) => (database ? w.titleDatabase : w.title))}
      </h1>
      <p className="mt-2 text-sm text-zinc-600">{say((w) => (database ? w.bodyDatabase : w.body), <br />)}</p>
      <div className="mt-6 flex items-center justify-center gap-3">
        <Button onClick={retry} disabled={pending}>
          {say((w) => (pending ? w.retrying : w.retry))}
        </Button>
        <a href="/" className="text-sm font-medium text-brand-700 underline">
          {say((w) => w.startPage)}
        </a>
      </div>
      {digest ? <p className="mt-6 text-xs text-zinc-500">{say((w) => fillMessage(w.reference, { digest }))}</p> : null}
    </div>
  );
}
