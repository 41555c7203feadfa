"use client";

import { useTranslations } from "next-intl";
import { type KeyboardEvent, useId, useRef, useState, useTransition } from "react";
import { flushSync } from "react-dom";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/input";
import { type Mentionable, mentionQueryAt } from "@/lib/complaints/mentions";
import { useFormat } from "@/lib/i18n/hooks";
import type { MutationResult } from "@/lib/operations/result";

export type ThreadComment = {
  id: string;
  authorName: string | null;
  body: string;
  createdAt: Date | string;
  mentions: string[];
};

/**
 * A discussion (on a complaint, on a remediation action); typing "@" suggests colleagues, who then
 * find the comment in their inbox. `submit` sends the comment with the page's own server action.
 */
export function CommentThread({
  comments,
  people,
  submit,
}: {
  comments: ThreadComment[];
  people: Mentionable[];
  submit: (body: string) => Promise<MutationResult<{ mentioned: { id: string; name: string }[] }>>;
}) {
  const t = useTranslations("comments");
  const { dateTime: formatDateTime } = useFormat();
  const [body, setBody] = useState("");
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const listId = useId();

  const suggestions = mention
    ? people
        .filter(
          (p) =>
            p.name.toLowerCase().includes(mention.query.toLowerCase()) ||
            p.email.toLowerCase().startsWith(mention.query.toLowerCase()),
        )
        .slice(0, 6)
    : [];
  const open = suggestions.length > 0;

  function track(text: string, caret: number) {
    setBody(text);
    setMention(mentionQueryAt(text, caret));
    setActive(0);
  }

  function pick(person: Mentionable) {
    if (!mention || !textarea.current) return;
    const caret = textarea.current.selectionStart;
    const next = `${body.slice(0, mention.start)}@${person.name} ${body.slice(caret)}`;
    const position = mention.start + person.name.length + 2;
    // The caret goes after the name before the next keystroke can arrive: set later (in the next frame),
    // a quick typist's first letter landed where the caret was and the rest after the name.
    flushSync(() => {
      setBody(next);
      setMention(null);
    });
    textarea.current.focus();
    textarea.current.setSelectionRange(position, position);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!open) return;
    const highlighted = suggestions[active];
    if (event.key === "ArrowDown") setActive((active + 1) % suggestions.length);
    else if (event.key === "ArrowUp") setActive((active - 1 + suggestions.length) % suggestions.length);
    else if ((event.key === "Enter" || event.key === "Tab") && highlighted) pick(highlighted);
    else if (event.key === "Escape") setMention(null);
    else return;
    event.preventDefault();
  }

  return (
    <div className="flex flex-col gap-3">
      {comments.length === 0 ? <p className="text-sm text-zinc-500">{t("none")}</p> : null}
      <ul className="flex flex-col gap-3">
        {comments.map((c) => (
          <li key={c.id} id={`comment-${c.id}`} className="rounded-md bg-zinc-50 px-3 py-2 text-sm">
            <p className="text-xs text-zinc-500">
              <span className="font-medium text-zinc-800">{c.authorName ?? t("someone")}</span> ·{" "}
              {formatDateTime(c.createdAt)}
            </p>
            <p className="mt-1 whitespace-pre-wrap">{c.body}</p>
            {c.mentions.length ? (
              <p className="mt-1 text-xs text-zinc-500">{t("mentioned", { names: c.mentions.join(", ") })}</p>
            ) : null}
          </li>
        ))}
      </ul>
      <form
        className="relative flex flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          startTransition(async () => {
            const result = await submit(body);
            if ("error" in result) {
              setError(result.fieldErrors?.body?.[0] ?? result.error.message);
              return;
            }
            setError(null);
            setBody("");
            if (result.data.mentioned.length)
              toast.success(t("sentTo", { names: result.data.mentioned.map((m) => m.name).join(", ") }));
          });
        }}
      >
        <label htmlFor="comment" className="text-sm font-medium text-zinc-800">
          {t("label")}
        </label>
        <Textarea
          id="comment"
          ref={textarea}
          rows={3}
          value={body}
          placeholder={t("placeholder")}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          onChange={(e) => track(e.target.value, e.target.selectionStart)}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setMention(null), 150)}
        />
        <ul
          id={listId}
          role="listbox"
          aria-label={t("suggestions")}
          hidden={!open}
          className="absolute top-24 left-0 z-10 w-64 rounded-md border border-zinc-200 bg-white p-1 shadow-lg"
        >
          {suggestions.map((p, i) => (
            // biome-ignore lint/a11y/useFocusableInteractive: options of an aria-activedescendant listbox are not focused themselves.
            <li
              key={p.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={
                i === active
                  ? "cursor-pointer rounded bg-zinc-100 px-2 py-1 text-sm"
                  : "cursor-pointer rounded px-2 py-1 text-sm"
              }
              onMouseDown={(e) => {
                e.preventDefault();
                pick(p);
              }}
            >
              {p.name} <span className="text-xs text-zinc-500">{p.email}</span>
            </li>
          ))}
        </ul>
        {error ? (
          <p role="alert" className="text-xs font-medium text-red-600">
            {error}
          </p>
        ) : null}
        <Button type="submit" size="sm" disabled={pending || !body.trim()} className="self-end">
          {t("add")}
        </Button>
      </form>
    </div>
  );
}
