"use client";

import { Menu, X } from "lucide-react";
import { type ReactNode, useState } from "react";
import { cn } from "@/lib/utils/cn";

/**
 * On a phone the navigation folds behind a Menu button beside the brand, so a page's content starts at
 * the top of the screen; from the `lg` breakpoint it is always open as the sidebar.
 */
export function CollapsibleNav({
  brand,
  menuLabel,
  children,
}: {
  brand: ReactNode;
  menuLabel: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <div className="flex items-center justify-between gap-2">
        {brand}
        <button
          type="button"
          className="inline-flex items-center gap-1 rounded-md border border-zinc-200 px-2 py-1 text-sm text-zinc-700 lg:hidden"
          aria-expanded={open}
          aria-controls="app-navigation"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? <X className="size-4" aria-hidden /> : <Menu className="size-4" aria-hidden />}
          {menuLabel}
        </button>
      </div>
      {/* Following a link closes the menu, so the new page is not hidden behind it. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the links inside are the interactive elements; this only listens for their clicks. */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: keyboard activation of a link also fires click. */}
      <div
        id="app-navigation"
        className={cn("flex-col gap-4 lg:flex lg:flex-1", open ? "flex" : "hidden")}
        onClick={(event) => {
          if ((event.target as HTMLElement).closest("a")) setOpen(false);
        }}
      >
        {children}
      </div>
    </>
  );
}
