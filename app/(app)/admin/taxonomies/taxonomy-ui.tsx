"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { Popover } from "radix-ui";
import { type ComponentProps, type ReactNode, useState, useTransition } from "react";
import { type FieldValues, type Resolver, type UseFormReturn, useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { useFormat } from "@/lib/i18n/hooks";
import type { MutationResult } from "@/lib/operations/result";
import { cn } from "@/lib/utils/cn";

type Action<I, R> = (input: I) => Promise<MutationResult<R>>;

function FormError({ message }: { message?: string | null }) {
  return message ? (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {message}
    </p>
  ) : null;
}

/**
 * A dialog holding one form over the same zod schema the server action parses: the fields the
 * server refuses get their message beside them, anything else shows above the button.
 */
export function FormDialog<S extends z.ZodType<FieldValues, FieldValues>, R>({
  trigger,
  title,
  description,
  schema,
  defaults,
  action,
  submitLabel,
  pendingLabel,
  success,
  children,
}: {
  trigger: ReactNode;
  title: string;
  description?: ReactNode;
  schema: S;
  defaults: z.input<S>;
  action: Action<z.input<S>, R>;
  submitLabel: string;
  pendingLabel?: string;
  success: (data: R) => string;
  children: (form: UseFormReturn<z.input<S>, unknown, z.output<S>>) => ReactNode;
}) {
  const t = useTranslations("taxonomies.ui");
  const [open, setOpen] = useState(false);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema) as unknown as Resolver<z.input<S>, unknown, z.output<S>>,
    defaultValues: defaults as never,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await action(values as z.input<S>);
    if ("data" in result) {
      toast.success(success(result.data));
      setOpen(false);
      return;
    }
    if (!applyFieldErrors(form.setError, result.fieldErrors)) setFormError(result.error.message);
  });
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) {
          form.reset(defaults as never);
          setFormError(null);
        }
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent title={title} description={description}>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          {children(form)}
          <FormError message={formError} />
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button type="button" variant="secondary">
                {t("cancel")}
              </Button>
            </DialogClose>
            <Button type="submit" disabled={form.formState.isSubmitting}>
              {form.formState.isSubmitting ? (pendingLabel ?? t("saving")) : submitLabel}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function StatusBadge({ active }: { active: boolean }) {
  const t = useTranslations("taxonomies.ui");
  return active ? <Badge tone="success">{t("active")}</Badge> : <Badge tone="neutral">{t("inactive")}</Badge>;
}

/** Deactivate or reactivate in one click: nothing is lost either way. */
export function ActiveToggle<R>({
  id,
  name,
  active,
  action,
}: {
  id: string;
  name: string;
  active: boolean;
  action: Action<{ id: string; active: boolean }, R>;
}) {
  const t = useTranslations("taxonomies.ui");
  const [pending, startTransition] = useTransition();
  return (
    <RowButton
      label={active ? t("deactivateName", { name }) : t("reactivateName", { name })}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await action({ id, active: !active });
          if ("error" in result) toast.error(result.error.message);
          else toast.success(active ? t("deactivated", { name }) : t("reactivated", { name }));
        })
      }
    >
      {active ? t("deactivate") : t("reactivate")}
    </RowButton>
  );
}

/** Asks first, then shows the server's refusal (still in use) inside the dialog, where it was asked for. */
export function DeleteButton<R>({
  id,
  name,
  action,
  consequence,
  blockedBy,
}: {
  id: string;
  name: string;
  action: Action<{ id: string }, R>;
  consequence?: string;
  /** Why it cannot be deleted (still in use): the button is shown disabled and says so when pressed. */
  blockedBy?: string | null;
}) {
  const t = useTranslations("taxonomies.ui");
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (blockedBy) return <BlockedDeleteButton name={name} reason={blockedBy} />;
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setError(null);
        setOpen(next);
      }}
    >
      <DialogTrigger asChild>
        <RowButton label={t("deleteName", { name })} className="text-red-700 hover:bg-red-50 hover:text-red-800">
          {t("delete")}
        </RowButton>
      </DialogTrigger>
      <DialogContent title={t("deleteTitle", { name })} description={consequence ?? t("deleteConsequence")}>
        <div className="flex flex-col gap-4">
          <FormError message={error} />
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">{t("cancel")}</Button>
            </DialogClose>
            <Button
              variant="danger"
              disabled={pending || !!error}
              onClick={() =>
                startTransition(async () => {
                  const result = await action({ id });
                  if ("error" in result) setError(result.error.message);
                  else {
                    toast.success(t("deleted", { name }));
                    setOpen(false);
                  }
                })
              }
            >
              {pending ? t("deleting") : t("delete")}
            </Button>
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}

/**
 * Delete for an item that something still uses: not red and not active (aria-disabled), yet still
 * focusable and pressable, so keyboard and touch users learn why, before anyone tries.
 */
function BlockedDeleteButton({ name, reason }: { name: string; reason: string }) {
  const t = useTranslations("taxonomies.ui");
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <Button
          size="sm"
          variant="ghost"
          aria-label={t("deleteName", { name })}
          aria-disabled="true"
          aria-description={reason}
          className="cursor-not-allowed px-2 text-zinc-500 hover:bg-transparent hover:text-zinc-500"
        >
          {t("delete")}
        </Button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          side="top"
          align="end"
          sideOffset={6}
          collisionPadding={8}
          aria-label={t("whyBlocked", { name })}
          className="z-50 max-w-80 rounded-md border border-zinc-200 bg-white px-3 py-2 text-sm text-zinc-700 shadow-lg"
        >
          {reason}
          <Popover.Arrow className="fill-white" />
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

export type Column = { label: string; numeric?: boolean };

/** A taxonomy's table: its own columns, then status and actions; `empty` (when given) says how to start. */
export function TaxonomyTable({
  columns,
  empty,
  children,
}: {
  columns: Column[];
  empty: ReactNode | null;
  children: ReactNode;
}) {
  const t = useTranslations("taxonomies.ui");
  return (
    <Card>
      <Table className="[&_td]:align-middle">
        <THead>
          <TR>
            {columns.map((c) => (
              <TH key={c.label} className={c.numeric ? "text-right" : undefined}>
                {c.label}
              </TH>
            ))}
            <TH>{t("status")}</TH>
            <TH className="text-right">{t("actions")}</TH>
          </TR>
        </THead>
        <TBody>
          {empty ? (
            <TR>
              <TD colSpan={columns.length + 2} className="py-10 text-center text-sm text-zinc-500">
                {empty}
              </TD>
            </TR>
          ) : null}
          {children}
        </TBody>
      </Table>
    </Card>
  );
}

export function RowActions({ children }: { children: ReactNode }) {
  return <div className="flex flex-nowrap justify-end gap-0.5 whitespace-nowrap">{children}</div>;
}

/** A small row button named for what it acts on ("Edit Faktura"), as dialogs' triggers use it. */
export function RowButton({
  label,
  children,
  className,
  ...props
}: { label: string; children: ReactNode } & Omit<ComponentProps<typeof Button>, "aria-label">) {
  return (
    <Button size="sm" variant="ghost" aria-label={label} className={cn("px-2", className)} {...props}>
      {children}
    </Button>
  );
}

/**
 * The last two cells of every taxonomy row: whether it is offered, and what can be done with it
 * (the row's own buttons, then deactivate or reactivate, then delete).
 */
export function StatusAndActions<A, D>({
  item,
  name,
  setActive,
  remove,
  inUse,
  children,
}: {
  item: { id: string; active: boolean };
  name: string;
  /** Why the item cannot be deleted, when something uses it (from inUseMessage). */
  inUse?: string | null;
  setActive: Action<{ id: string; active: boolean }, A>;
  remove: Action<{ id: string }, D>;
  children: ReactNode;
}) {
  return (
    <>
      <TD>
        <StatusBadge active={item.active} />
      </TD>
      <TD>
        <RowActions>
          {children}
          <ActiveToggle id={item.id} name={name} active={item.active} action={setActive} />
          <DeleteButton id={item.id} name={name} action={remove} blockedBy={inUse} />
        </RowActions>
      </TD>
    </>
  );
}

/** A count in the reader's format. */
export function useCount() {
  const { number } = useFormat();
  return (n: number) => number(n);
}

export type Use = "complaints" | "volumes" | "actions" | "subcategories";

/**
 * Why an item cannot be deleted, in the reader's language, or null when nothing uses it: said on the
 * Delete button before anyone tries (the server refuses with the same sentence in its own words).
 */
export function useInUse() {
  const t = useTranslations("taxonomies.ui");
  const { number } = useFormat();
  return (name: string, uses: [Use, number][], instead?: string): string | null => {
    const parts = uses
      .filter(([, count]) => count > 0)
      .map(([use, count]) => t(`uses.${use}`, { count, n: number(count) }));
    const last = parts.pop();
    if (!last) return null;
    const list = parts.length ? t("andList", { first: parts.join(", "), last }) : last;
    return t("inUse", { name, uses: list, instead: instead ?? t("deactivateInstead") });
  };
}
