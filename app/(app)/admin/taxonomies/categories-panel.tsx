"use client";

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
import { inUseMessage } from "@/lib/taxonomies/in-use";
import type { CategoryNode } from "@/lib/taxonomies/reads";
import { createCategorySchema, moveCategorySchema, renameCategorySchema } from "@/lib/taxonomies/validations";
import { cn } from "@/lib/utils/cn";
import { type Column, FormDialog, formatCount, RowButton, StatusAndActions, TaxonomyTable } from "./taxonomy-ui";

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
  const parent = parents.find((p) => p.id === parentId);
  return (
    <FormDialog
      trigger={
        compact ? (
          <RowButton label={`Add a subcategory to ${parent?.name}`}>Add subcategory</RowButton>
        ) : (
          <Button>New category</Button>
        )
      }
      title={parent ? `New subcategory of ${parent.name}` : "New category"}
      description="Two levels: a top-level category, or a subcategory of one. Imports name it “Parent > Child”."
      schema={createCategorySchema}
      defaults={{ name: "", parentId: parentId ?? "" }}
      action={createCategoryAction}
      submitLabel="Create category"
      pendingLabel="Creating…"
      success={(c) => `${c.path} created`}
    >
      {(form) => (
        <>
          <Field label="Parent category" htmlFor="new-category-parent" error={form.formState.errors.parentId?.message}>
            <Select id="new-category-parent" {...form.register("parentId")}>
              <option value="">None (a top-level category)</option>
              <ParentOptions parents={parents} />
            </Select>
          </Field>
          <Field label="Name" htmlFor="new-category-name" error={form.formState.errors.name?.message}>
            <Input id="new-category-name" aria-invalid={!!form.formState.errors.name} {...form.register("name")} />
          </Field>
        </>
      )}
    </FormDialog>
  );
}

function RenameCategoryButton({ category, path }: { category: { id: string; name: string }; path: string }) {
  return (
    <FormDialog
      trigger={<RowButton label={`Rename ${path}`}>Rename</RowButton>}
      title={`Rename ${path}`}
      description="Complaints keep this category and show the new name. The audit log keeps the old one; imports use the new name from now on."
      schema={renameCategorySchema}
      defaults={{ id: category.id, name: category.name }}
      action={renameCategoryAction}
      submitLabel="Rename"
      success={(c) => `Renamed to ${c.path}`}
    >
      {(form) => (
        <Field label="Name" htmlFor="rename-category-name" error={form.formState.errors.name?.message}>
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
  const others = parents.filter((p) => p.id !== child.parentId);
  const [firstOther] = others;
  if (!firstOther) return null;
  return (
    <FormDialog
      trigger={<RowButton label={`Move ${path}`}>Move</RowButton>}
      title={`Move ${path}`}
      description="Its complaints move with it: reports by top-level category count them under the new parent, for past months too."
      schema={moveCategorySchema}
      defaults={{ id: child.id, parentId: firstOther.id }}
      action={moveCategoryAction}
      submitLabel="Move"
      success={(c) => `Moved to ${c.path}`}
    >
      {(form) => (
        <Field label="New parent" htmlFor="move-category-parent" error={form.formState.errors.parentId?.message}>
          <Select id="move-category-parent" {...form.register("parentId")}>
            <ParentOptions parents={others} />
          </Select>
        </Field>
      )}
    </FormDialog>
  );
}

const COLUMNS: Column[] = [{ label: "Category" }, { label: "Complaints", numeric: true }];

export function CategoriesPanel({ tree }: { tree: CategoryNode[] }) {
  const parents = tree.map(({ id, name }) => ({ id, name }));
  return (
    <TaxonomyTable
      columns={COLUMNS}
      empty={tree.length === 0 && "No categories yet. Create a top-level one with “New category”."}
    >
      {tree.map((parent) => {
        const total = parent.complaints + parent.children.reduce((sum, c) => sum + c.complaints, 0);
        return (
          <Fragment key={parent.id}>
            <TR aria-label={parent.name} className="bg-zinc-50/60">
              <TD className="font-semibold text-zinc-900">
                {parent.name}
                {!parent.active && parent.children.length ? (
                  <div className="text-xs font-normal text-zinc-500">Its subcategories are not offered either</div>
                ) : null}
              </TD>
              <TD className="text-right tabular-nums">
                {formatCount(total)}
                {parent.children.length && total > 0 ? (
                  <div className="text-xs font-normal whitespace-nowrap text-zinc-500">
                    {parent.complaints
                      ? `${formatCount(parent.complaints)} directly, the rest below`
                      : "all in subcategories"}
                  </div>
                ) : null}
              </TD>
              <StatusAndActions
                item={parent}
                name={parent.name}
                setActive={setCategoryActiveAction}
                remove={deleteCategoryAction}
                inUse={
                  inUseMessage(
                    parent.name,
                    [{ count: parent.children.length, one: "subcategory", many: "subcategories" }],
                    "Delete or move its subcategories first, or deactivate it.",
                  ) ?? inUseMessage(parent.name, [{ count: parent.complaints, one: "complaint", many: "complaints" }])
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
                  <TD className="text-right tabular-nums">{formatCount(child.complaints)}</TD>
                  <StatusAndActions
                    item={child}
                    name={path}
                    setActive={setCategoryActiveAction}
                    remove={deleteCategoryAction}
                    inUse={inUseMessage(path, [{ count: child.complaints, one: "complaint", many: "complaints" }])}
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
