"use client";

import { useTranslations } from "next-intl";
import { Fragment } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/input";
import { TD, TR } from "@/components/ui/table";
import {
  createCategoryAction,
  deleteCategoryAction,
  moveCategoryAction,
  renameCategoryAction,
  setCategoryActiveAction,
} from "@/lib/taxonomies/actions";
import type { CategoryNode } from "@/lib/taxonomies/reads";
import { createCategorySchema, moveCategorySchema, renameCategorySchema } from "@/lib/taxonomies/validations";
import { cn } from "@/lib/utils/cn";
import { type Column, FormDialog, RowButton, StatusAndActions, TaxonomyTable, useCount, useInUse } from "./taxonomy-ui";

type Parent = { id: string; name: string };

function ParentOptions({ parents }: { parents: Parent[] }) {
  return parents.map((p) => (
    <option key={p.id} value={p.id}>
      {p.name}
    </option>
  ));
}

export function NewCategoryButton({
  parents,
  parentId,
  compact,
}: {
  parents: Parent[];
  parentId?: string;
  compact?: boolean;
}) {
  const t = useTranslations("taxonomies.categories");
  const parent = parents.find((p) => p.id === parentId);
  return (
    <FormDialog
      trigger={
        compact ? (
          <RowButton label={t("addSubcategoryTo", { name: parent?.name ?? "" })}>{t("addSubcategory")}</RowButton>
        ) : (
          <Button>{t("new")}</Button>
        )
      }
      title={parent ? t("newSubcategoryOf", { name: parent.name }) : t("new")}
      description={t("newDescription")}
      schema={createCategorySchema}
      defaults={{ name: "", parentId: parentId ?? "" }}
      action={createCategoryAction}
      submitLabel={t("create")}
      pendingLabel={t("creating")}
      success={(c) => t("created", { path: c.path })}
    >
      {(form) => (
        <>
          <Field label={t("parent")} htmlFor="new-category-parent" error={form.formState.errors.parentId?.message}>
            <Select id="new-category-parent" {...form.register("parentId")}>
              <option value="">{t("noParent")}</option>
              <ParentOptions parents={parents} />
            </Select>
          </Field>
          <Field label={t("name")} htmlFor="new-category-name" error={form.formState.errors.name?.message}>
            <Input id="new-category-name" aria-invalid={!!form.formState.errors.name} {...form.register("name")} />
          </Field>
        </>
      )}
    </FormDialog>
  );
}

function RenameCategoryButton({ category, path }: { category: { id: string; name: string }; path: string }) {
  const t = useTranslations("taxonomies.categories");
  return (
    <FormDialog
      trigger={<RowButton label={t("renameName", { name: path })}>{t("rename")}</RowButton>}
      title={t("renameName", { name: path })}
      description={t("renameDescription")}
      schema={renameCategorySchema}
      defaults={{ id: category.id, name: category.name }}
      action={renameCategoryAction}
      submitLabel={t("rename")}
      success={(c) => t("renamed", { path: c.path })}
    >
      {(form) => (
        <Field label={t("name")} htmlFor="rename-category-name" error={form.formState.errors.name?.message}>
          <Input id="rename-category-name" aria-invalid={!!form.formState.errors.name} {...form.register("name")} />
        </Field>
      )}
    </FormDialog>
  );
}

function MoveCategoryButton({
  child,
  path,
  parents,
}: {
  child: { id: string; parentId: string | null };
  path: string;
  parents: Parent[];
}) {
  const t = useTranslations("taxonomies.categories");
  const others = parents.filter((p) => p.id !== child.parentId);
  const [firstOther] = others;
  if (!firstOther) return null;
  return (
    <FormDialog
      trigger={<RowButton label={t("moveName", { name: path })}>{t("move")}</RowButton>}
      title={t("moveName", { name: path })}
      description={t("moveDescription")}
      schema={moveCategorySchema}
      defaults={{ id: child.id, parentId: firstOther.id }}
      action={moveCategoryAction}
      submitLabel={t("move")}
      success={(c) => t("moved", { path: c.path })}
    >
      {(form) => (
        <Field label={t("newParent")} htmlFor="move-category-parent" error={form.formState.errors.parentId?.message}>
          <Select id="move-category-parent" {...form.register("parentId")}>
            <ParentOptions parents={others} />
          </Select>
        </Field>
      )}
    </FormDialog>
  );
}

export function CategoriesPanel({ tree }: { tree: CategoryNode[] }) {
  const t = useTranslations("taxonomies.categories");
  const count = useCount();
  const inUse = useInUse();
  const parents = tree.map(({ id, name }) => ({ id, name }));
  const columns: Column[] = [{ label: t("category") }, { label: t("complaints"), numeric: true }];
  return (
    <TaxonomyTable columns={columns} empty={tree.length === 0 && t("empty")}>
      {tree.map((parent) => {
        const total = parent.complaints + parent.children.reduce((sum, c) => sum + c.complaints, 0);
        return (
          <Fragment key={parent.id}>
            <TR aria-label={parent.name} className="bg-zinc-50/60">
              <TD className="font-semibold text-zinc-900">
                {parent.name}
                {!parent.active && parent.children.length ? (
                  <div className="text-xs font-normal text-zinc-500">{t("subcategoriesInactive")}</div>
                ) : null}
              </TD>
              <TD className="text-right tabular-nums">
                {count(total)}
                {parent.children.length && total > 0 ? (
                  <div className="text-xs font-normal whitespace-nowrap text-zinc-500">
                    {parent.complaints ? t("directly", { n: count(parent.complaints) }) : t("allBelow")}
                  </div>
                ) : null}
              </TD>
              <StatusAndActions
                item={parent}
                name={parent.name}
                setActive={setCategoryActiveAction}
                remove={deleteCategoryAction}
                inUse={
                  inUse(parent.name, [["subcategories", parent.children.length]], t("subcategoriesFirst")) ??
                  inUse(parent.name, [["complaints", parent.complaints]])
                }
              >
                <NewCategoryButton parents={parents} parentId={parent.id} compact />
                <RenameCategoryButton category={parent} path={parent.name} />
              </StatusAndActions>
            </TR>
            {parent.children.map((child) => {
              const path = `${parent.name} > ${child.name}`;
              return (
                <TR key={child.id} aria-label={path}>
                  <TD className={cn("pl-8", !parent.active && "text-zinc-500")}>
                    <span aria-hidden className="mr-2 text-zinc-500">
                      ↳
                    </span>
                    {child.name}
                  </TD>
                  <TD className="text-right tabular-nums">{count(child.complaints)}</TD>
                  <StatusAndActions
                    item={child}
                    name={path}
                    setActive={setCategoryActiveAction}
                    remove={deleteCategoryAction}
                    inUse={inUse(path, [["complaints", child.complaints]])}
                  >
                    <RenameCategoryButton category={child} path={path} />
                    <MoveCategoryButton child={child} path={path} parents={parents} />
                  </StatusAndActions>
                </TR>
              );
            })}
          </Fragment>
        );
      })}
    </TaxonomyTable>
  );
}
