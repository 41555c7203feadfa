"use client";

import { ErrorState } from "@/components/feedback/error-state";

/** A page of the signed-in app failed (the database is away, or a bug): said plainly, with a retry. */
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState digest={error.digest} reset={reset} />;
}
