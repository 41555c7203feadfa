"use client";

import { Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Dialog as D } from "radix-ui";
import { type KeyboardEvent, useEffect, useId, useMemo, useState, useTransition } from "react";
import { findForPaletteAction } from "@/lib/palette/actions";
import type { PaletteHit } from "@/lib/palette/queries";
import { cn } from "@/lib/utils/cn";
import type { ShellNavItem } from "./nav-links";
import { ShortcutsDialog } from "./shortcuts-dialog";

type Entry = { key: string; group: string; title: string; detail?: string; href: string };

const GROUP_OF = { complaint: "groupComplaints", action: "groupActions" } as const satisfies Record<
  PaletteHit["kind"],
  string
>;

/** True when a key press belongs to a text field, where `?` is a character and not a shortcut. */
function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * Ctrl K / ⌘K jumps anywhere: the pages of the navigation, complaints (by reference, external id or
 * words) and remediation actions by title. `?` lists the keyboard shortcuts.
 */
export function CommandPalette({ items }: { items: ShellNavItem[] }) {
  const router = useRouter();
  const t = useTranslations("palette");
  const [open, setOpen] = useState(false);
  const [help, setHelp] = useState(false);
  const [text, setText] = useState("");
  const [hits, setHits] = useState<PaletteHit[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const [pending, startTransition] = useTransition();
  const listId = useId();

  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === "k") {
        event.preventDefault();
        setOpen((o) => !o);
      } else if (event.key === "?" && !typingInField(event.target) && !event.metaKey && !event.ctrlKey) {
        event.preventDefault();
        setHelp(true);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // Look up what was typed once typing pauses; a later answer replaces an earlier one only if it is still wanted.
  useEffect(() => {
    const wanted = text.trim();
    if (wanted.length < 2) {
      setHits([]);
      setMessage(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      startTransition(async () => {
        const result = await findForPaletteAction({ text: wanted });
        if (!current) return;
        if ("data" in result) {
          setHits(result.data);
          setMessage(null);
        } else {
          setHits([]);
          setMessage(result.error.message);
        }
      });
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);

  const entries = useMemo<Entry[]>(() => {
    const wanted = text.trim().toLowerCase();
    const pages = items
      .filter((item) => !wanted || item.label.toLowerCase().includes(wanted))
      .map((item) => ({ key: `page:${item.href}`, group: t("groupPages"), title: item.label, href: item.href }));
    const found = hits.map((hit) => ({
      key: `${hit.kind}:${hit.id}`,
      group: t(GROUP_OF[hit.kind]),
      title: hit.title,
      detail: hit.detail,
      href: hit.href,
    }));
    // An exact hit (a reference typed whole) comes before the pages whose names merely contain the text.
    return wanted.length >= 2 ? [...found, ...pages] : pages;
  }, [items, hits, text, t]);

  function go(entry: Entry | undefined) {
    if (!entry) return;
    setOpen(false);
    setText("");
    router.push(entry.href);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") setActive((a) => Math.min(entries.length - 1, a + 1));
    else if (event.key === "ArrowUp") setActive((a) => Math.max(0, a - 1));
    else if (event.key === "Enter") go(entries[active]);
    else return;
    event.preventDefault();
  }

  const activeEntry = entries[active];
  let lastGroup = "";
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="flex w-full items-center gap-2 rounded-md border border-zinc-200 px-2 py-1.5 text-left text-sm text-zinc-500 hover:bg-zinc-50"
      >
        <Search className="size-4" aria-hidden />
        <span className="flex-1">{t("open")}</span>
        <kbd className="rounded border border-zinc-200 px-1 text-xs">Ctrl K</kbd>
      </button>
      <D.Root
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) setText("");
        }}
      >
        <D.Portal>
          <D.Overlay className="fixed inset-0 z-40 bg-zinc-950/40" />
          <D.Content
            className="fixed top-[12vh] left-1/2 z-50 w-[calc(100vw-2rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-lg border border-zinc-200 bg-white shadow-xl"
            aria-describedby={undefined}
          >
            <D.Title className="sr-only">{t("title")}</D.Title>
            <div className="flex items-center gap-2 border-b border-zinc-100 px-3">
              <Search className="size-4 text-zinc-500" aria-hidden />
              <input
                role="combobox"
                aria-label={t("inputLabel")}
                aria-expanded={entries.length > 0}
                aria-controls={listId}
                aria-activedescendant={activeEntry ? `${listId}-${activeEntry.key}` : undefined}
                aria-autocomplete="list"
                placeholder={t("placeholder")}
                className="h-12 flex-1 bg-transparent text-sm outline-none"
                value={text}
                onChange={(e) => {
                  setText(e.target.value);
                  setActive(0);
                }}
                onKeyDown={onKeyDown}
              />
              {pending ? <span className="text-xs text-zinc-500">{t("searching")}</span> : null}
            </div>
            <ul id={listId} role="listbox" aria-label={t("results")} className="max-h-[60vh] overflow-y-auto p-1">
              {entries.map((entry, index) => {
                const heading = entry.group !== lastGroup ? entry.group : null;
                lastGroup = entry.group;
                return (
                  <li key={entry.key} role="presentation">
                    {heading ? (
                      <p className="px-2 pt-2 pb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">
                        {heading}
                      </p>
                    ) : null}
                    <div
                      id={`${listId}-${entry.key}`}
                      role="option"
                      tabIndex={-1}
                      aria-selected={index === active}
                      onMouseEnter={() => setActive(index)}
                      onClick={() => go(entry)}
                      onKeyDown={(e) => e.key === "Enter" && go(entry)}
                      className={cn(
                        "flex cursor-pointer flex-col rounded px-2 py-1.5 text-sm",
                        index === active && "bg-zinc-100",
                      )}
                    >
                      <span className="font-medium text-zinc-900">{entry.title}</span>
                      {entry.detail ? <span className="truncate text-xs text-zinc-500">{entry.detail}</span> : null}
                    </div>
                  </li>
                );
              })}
            </ul>
            <p className="border-t border-zinc-100 px-3 py-2 text-xs text-zinc-500" role="status">
              {message ?? (text.trim().length >= 2 && !pending && hits.length === 0 ? t("nothingFound") : t("help"))}
            </p>
          </D.Content>
        </D.Portal>
      </D.Root>
      <ShortcutsDialog open={help} onOpenChange={setHelp} />
    </>
  );
}
