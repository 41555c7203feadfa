"use client";

import { Info } from "lucide-react";
import { Popover } from "radix-ui";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

/**
 * A short text with the explanation of it one press away: a real button, so keyboard and touch reach
 * it (a `title=` tooltip reaches neither), opening a popover that Esc or a press outside closes.
 */
export function InfoPopover({
  children,
  explanation,
  label,
  className,
}: {
  /** What stands in the cell. */
  children: ReactNode;
  /** What the popover says. */
  explanation: ReactNode;
  /** The question the explanation answers, said to screen readers after the visible text. */
  label: string;
  className?: string;
}) {
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <button
          type="button"
          className={cn(
            "inline-flex items-center gap-1 rounded px-0.5 text-zinc-500 underline decoration-dotted underline-offset-2 hover:text-zinc-800 focus-visible:ring-2 focus-visible:ring-brand-500/40 focus-visible:outline-none",
            className,
          )}
        >
          {children}
          <Info className="size-3.5" aria-hidden />
          {/* Named by what it shows and then the question, so the visible words start its name. */}
          <span className="sr-only">{label}</span>
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          side="top"
          sideOffset={6}
          collisionPadding={8}
          className="z-50 max-w-72 rounded-md border border-zinc-200 bg-white px-3 py-2 text-left text-xs font-normal text-zinc-700 shadow-lg"
        >
          {explanation}
          <Popover.Arrow className="fill-white" />
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
