"use client";

import "./globals.css";
import { ErrorStateIn } from "@/components/feedback/error-state";
import en from "@/messages/en/errorPages.json";
import sv from "@/messages/sv/errorPages.json";

// Said in both languages: the root layout (which knows the reader's) is what failed, and nothing else
// here can tell which one they read.
const LANGUAGES = [
  { lang: "en", words: en.failed },
  { lang: "sv", words: sv.failed },
];

/** The last resort, when even the root layout failed: it replaces the whole document. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <main>
          <ErrorStateIn languages={LANGUAGES} digest={error.digest} reset={reset} />
        </main>
      </body>
    </html>
  );
}
