"use client";

import { ErrorState } from "@/components/feedback/error-state";

/** Catches what the app's own layout throws (its session check is the first database read of every page). */
export default function RootError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main>
      <ErrorState digest={error.digest} reset={reset} />
    </main>
  );
}
