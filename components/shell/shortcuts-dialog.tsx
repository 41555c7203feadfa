"use client";

import { Dialog, DialogContent } from "@/components/ui/dialog";

const SHORTCUTS: { keys: string[]; what: string }[] = [
  { keys: ["Ctrl K", "⌘K"], what: "Go to a page, a complaint (reference, external id or words) or an action" },
  { keys: ["?"], what: "Show these shortcuts" },
  { keys: ["↓", "j"], what: "Next row of a table" },
  { keys: ["↑", "k"], what: "Previous row of a table" },
  { keys: ["Home", "End"], what: "First or last row of a table" },
  { keys: ["Enter"], what: "Open the row" },
  { keys: ["x"], what: "Select or deselect the row for a bulk action" },
  { keys: ["@"], what: "Mention a colleague in a comment" },
  { keys: ["Esc"], what: "Close a dialog or a menu" },
];

/** Every keyboard shortcut of the app, opened with `?`. */
export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title="Keyboard shortcuts">
        <table className="w-full text-sm">
          <caption className="sr-only">Keyboard shortcuts</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">Keys</th>
              <th scope="col">What they do</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {SHORTCUTS.map((s) => (
              <tr key={s.what}>
                <td className="py-2 pr-4 whitespace-nowrap">
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 ? <span className="px-1 text-zinc-400">or</span> : null}
                      <kbd className="rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 text-xs">{k}</kbd>
                    </span>
                  ))}
                </td>
                <td className="py-2 text-zinc-700">{s.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </DialogContent>
    </Dialog>
  );
}
