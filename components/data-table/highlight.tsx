import { Fragment } from "react";

function escapeRegExp(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Text with the given words marked, built as React elements (never an HTML string). */
export function Highlight({ text, words }: { text: string; words: string[] }) {
  const wanted = words.filter(Boolean);
  if (!wanted.length || !text) return <>{text}</>;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${wanted.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "giu");
  const parts = text.split(pattern);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <mark key={i} className="rounded-sm bg-amber-200 px-0.5 text-inherit">
            {part}
          </mark>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}
