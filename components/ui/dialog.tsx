"use client";

import { X } from "lucide-react";
import { useTranslations } from "next-intl";
import { Dialog as D } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

export const Dialog = D.Root;
export const DialogTrigger = D.Trigger;
export const DialogClose = D.Close;

export function DialogContent({
  className,
  title,
  description,
  children,
  ...props
}: ComponentProps<typeof D.Content> & { title: string; description?: ReactNode }) {
  const close = useTranslations("common")("close");
  return (
    <D.Portal>
      <D.Overlay className="fixed inset-0 z-40 bg-zinc-950/40" />
      <D.Content
        className={cn(
          "fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-zinc-200 bg-white p-6 shadow-xl",
          className,
        )}
        {...props}
      >
        <D.Title className="text-lg font-semibold text-zinc-900">{title}</D.Title>
        {description ? <D.Description className="mt-1 text-sm text-zinc-600">{description}</D.Description> : null}
        <div className="mt-4">{children}</div>
        <D.Close className="absolute top-4 right-4 rounded p-1 text-zinc-500 hover:bg-zinc-100" aria-label={close}>
          <X className="size-4" />
        </D.Close>
      </D.Content>
    </D.Portal>
  );
}
