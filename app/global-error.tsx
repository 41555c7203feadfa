"use client";

import "./globals.css";
import { ErrorState } from "@/components/feedback/error-state";

/** The last resort, when even the root layout failed: it replaces the whole document. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <main>
          <ErrorState digest={error.digest} reset={reset} />
        </main>
      </body>
    </html>
  );
}
