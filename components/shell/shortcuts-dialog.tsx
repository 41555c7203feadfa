"use client";

import { useTranslations } from "next-intl";
import { Dialog, DialogContent } from "@/components/ui/dialog";

const SHORTCUTS: {
  keys: string[];
  what: "goTo" | "help" | "nextRow" | "previousRow" | "firstLast" | "openRow" | "select" | "mention" | "close";
}[] = [
  { keys: ["Ctrl K", "⌘K"], what: "goTo" },
  { keys: ["?"], what: "help" },
  { keys: ["↓", "j"], what: "nextRow" },
  { keys: ["↑", "k"], what: "previousRow" },
  { keys: ["Home", "End"], what: "firstLast" },
  { keys: ["Enter"], what: "openRow" },
  { keys: ["x"], what: "select" },
  { keys: ["@"], what: "mention" },
  { keys: ["Esc"], what: "close" },
];

/** Every keyboard shortcut of the app, opened with `?`. */
export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const t = useTranslations("shortcuts");
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title={t("title")}>
        <table className="w-full text-sm">
          <caption className="sr-only">{t("title")}</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">{t("keys")}</th>
              <th scope="col">{t("what")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {SHORTCUTS.map((s) => (
              <tr key={s.what}>
                <td className="py-2 pr-4 whitespace-nowrap">
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 ? <span className="px-1 text-zinc-500">{t("or")}</span> : null}
                      <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 text-xs">{k}</kbd>
                    </span>
                  ))}
                </td>
                <td className="py-2 text-zinc-700">{t(s.what)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </DialogContent>
    </Dialog>
  );
}
