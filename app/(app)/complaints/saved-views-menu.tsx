"use client";

import { Bookmark, Trash2 } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Field, Input } from "@/components/ui/input";
import { deleteViewAction, saveViewAction } from "@/lib/complaints/actions";

export type SavedViewItem = {
  id: string;
  name: string;
  query: string;
  shared: boolean;
  ownerId: string;
  ownerName: string;
};

/** Personal and shared views: each is a saved URL query of the list. */
export function SavedViewsMenu({
  views,
  currentUserId,
  currentQuery,
}: {
  views: SavedViewItem[];
  currentUserId: string;
  currentQuery: string;
}) {
  const t = useTranslations("complaints.views");
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const mine = views.filter((v) => v.ownerId === currentUserId);
  const team = views.filter((v) => v.ownerId !== currentUserId);

  function save() {
    startTransition(async () => {
      const result = await saveViewAction({ name, query: currentQuery, shared });
      if ("error" in result) {
        setError(result.fieldErrors?.name?.[0] ?? result.error.message);
        return;
      }
      toast.success(t("saved", { name: result.data.name }));
      setOpen(false);
      setName("");
    });
  }

  function remove(id: string) {
    startTransition(async () => {
      const result = await deleteViewAction({ id });
      if ("error" in result) toast.error(result.error.message);
    });
  }

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="secondary" size="sm">
            <Bookmark /> {t("button")}
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-72">
          <DropdownMenuLabel>{t("mine")}</DropdownMenuLabel>
          {mine.length === 0 ? <p className="px-2 py-1 text-xs text-zinc-500">{t("noneYet")}</p> : null}
          {mine.map((view) => (
            <div key={view.id} className="flex items-center">
              <DropdownMenuItem asChild className="flex-1">
                <Link href={`/complaints?${view.query}`}>
                  {view.name}
                  {view.shared ? <span className="text-xs text-zinc-500">{t("shared")}</span> : null}
                </Link>
              </DropdownMenuItem>
              <button
                type="button"
                aria-label={t("delete", { name: view.name })}
                className="rounded p-1 text-zinc-500 hover:bg-zinc-100"
                onClick={() => remove(view.id)}
              >
                <Trash2 className="size-3.5" />
              </button>
            </div>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuLabel>{t("team")}</DropdownMenuLabel>
          {team.length === 0 ? <p className="px-2 py-1 text-xs text-zinc-500">{t("noneYet")}</p> : null}
          {team.map((view) => (
            <DropdownMenuItem key={view.id} asChild>
              <Link href={`/complaints?${view.query}`}>
                {view.name} <span className="text-xs text-zinc-500">{t("by", { name: view.ownerName })}</span>
              </Link>
            </DropdownMenuItem>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setOpen(true)}>{t("saveCurrent")}</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent title={t("dialogTitle")} description={t("dialogDescription")}>
          <form
            className="flex flex-col gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <Field label={t("name")} htmlFor="view-name" error={error ?? undefined}>
              <Input
                id="view-name"
                value={name}
                onChange={(e) => setName(e.target.value)}
                aria-invalid={Boolean(error)}
              />
            </Field>
            <label className="flex items-center gap-2 text-sm">
              <Checkbox checked={shared} onCheckedChange={(v) => setShared(v === true)} /> {t("share")}
            </label>
            <div className="flex justify-end">
              <Button type="submit" disabled={pending}>
                {t("save")}
              </Button>
            </div>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
