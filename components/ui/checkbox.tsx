"use client";

import { Check, Minus } from "lucide-react";
import { Checkbox as C } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "@/lib/utils/cn";

export function Checkbox({ className, checked, ...props }: ComponentProps<typeof C.Root>) {
  return (
    <C.Root
      checked={checked}
      className={cn(
        "flex size-4 shrink-0 items-center justify-center rounded border border-zinc-400 bg-white data-[state=checked]:border-zinc-900 data-[state=checked]:bg-zinc-900 data-[state=indeterminate]:border-zinc-900 data-[state=indeterminate]:bg-zinc-900 text-white",
        className,
      )}
      {...props}
    >
      <C.Indicator>
        {checked === "indeterminate" ? <Minus className="size-3" /> : <Check className="size-3" />}
      </C.Indicator>
    </C.Root>
  );
}
