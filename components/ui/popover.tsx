"use client";

import { Popover as P } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

export const Popover = P.Root;
export const PopoverTrigger = P.Trigger;

export function PopoverContent({ className, ...props }: ComponentProps<typeof P.Content>) {
  return (
    <P.Portal>
      <P.Content
        sideOffset={6}
        align="start"
        collisionPadding={8}
        className={cn(
          "z-40 max-h-[70vh] w-[min(36rem,calc(100vw-1rem))] overflow-y-auto rounded-md border border-zinc-200 bg-white p-3 text-sm shadow-lg",
          className,
        )}
        {...props}
      />
    </P.Portal>
  );
}
