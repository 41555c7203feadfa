"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import { type UseFormReturn, useForm } from "react-hook-form";
import { toast } from "sonner";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input, Textarea } from "@/components/ui/input";
import { TD, TR } from "@/components/ui/table";
import {
  addProductAliasAction,
  createProductAction,
  deleteProductAction,
  removeProductAliasAction,
  setProductActiveAction,
  updateProductAction,
} from "@/lib/taxonomies/actions";
import type { ProductListRow } from "@/lib/taxonomies/reads";
import {
  type CreateProductInput,
  createProductSchema,
  type ProductAliasInput,
  productAliasSchema,
  updateProductSchema,
} from "@/lib/taxonomies/validations";
import { type Column, FormDialog, RowButton, StatusAndActions, TaxonomyTable, useCount, useInUse } from "./taxonomy-ui";

function ProductFields({
  form,
  idPrefix,
  renaming,
}: {
  form: UseFormReturn<CreateProductInput>;
  idPrefix: string;
  renaming?: string;
}) {
  const t = useTranslations("taxonomies.products");
  const { errors } = form.formState;
  return (
    <>
      <Field
        label={t("name")}
        htmlFor={`${idPrefix}-name`}
        error={errors.name?.message}
        hint={renaming ? t("renameHint", { name: renaming }) : t("nameHint")}
      >
        <Input id={`${idPrefix}-name`} aria-invalid={!!errors.name} {...form.register("name")} />
      </Field>
      <Field label={t("description")} htmlFor={`${idPrefix}-description`} error={errors.description?.message}>
        <Textarea id={`${idPrefix}-description`} className="min-h-16" {...form.register("description")} />
      </Field>
      <div className="flex flex-col gap-1.5">
        <label className="flex items-center gap-2 text-sm font-medium text-zinc-800">
          <input type="checkbox" className="size-4" {...form.register("paymentService")} />
          {t("paymentService")}
        </label>
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900">
          {t("paymentServiceHint")}
          {renaming ? ` ${t("paymentServiceChange")}` : null}
        </p>
      </div>
    </>
  );
}

export function NewProductButton() {
  const t = useTranslations("taxonomies.products");
  return (
    <FormDialog
      trigger={<Button>{t("new")}</Button>}
      title={t("new")}
      schema={createProductSchema}
      defaults={{ name: "", description: "", paymentService: false }}
      action={createProductAction}
      submitLabel={t("create")}
      pendingLabel={t("creating")}
      success={(p) => t("created", { name: p.name })}
    >
      {(form) => <ProductFields form={form as UseFormReturn<CreateProductInput>} idPrefix="new-product" />}
    </FormDialog>
  );
}

function EditProductButton({ product }: { product: ProductListRow }) {
  const t = useTranslations("taxonomies.products");
  return (
    <FormDialog
      trigger={<RowButton label={t("editName", { name: product.name })}>{t("edit")}</RowButton>}
      title={t("editName", { name: product.name })}
      schema={updateProductSchema}
      defaults={{
        id: product.id,
        name: product.name,
        description: product.description ?? "",
        paymentService: product.paymentService,
      }}
      action={updateProductAction}
      submitLabel={t("save")}
      success={(p) =>
        p.name !== product.name ? t("renamed", { name: p.name, old: product.name }) : t("saved", { name: p.name })
      }
    >
      {(form) => (
        <ProductFields
          form={form as unknown as UseFormReturn<CreateProductInput>}
          idPrefix="edit-product"
          renaming={product.name}
        />
      )}
    </FormDialog>
  );
}

function RemoveAliasButton({ product, alias }: { product: ProductListRow; alias: string }) {
  const t = useTranslations("taxonomies.products");
  const [pending, startTransition] = useTransition();
  return (
    <RowButton
      label={t("removeAlias", { alias })}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await removeProductAliasAction({ productId: product.id, alias });
          if ("error" in result) toast.error(result.error.message);
          else toast.success(t("aliasRemoved", { alias, name: product.name }));
        })
      }
    >
      {t("remove")}
    </RowButton>
  );
}

/** Old and alternative names: an import naming any of them files the complaint under this product. */
function AliasesButton({ product }: { product: ProductListRow }) {
  const t = useTranslations("taxonomies.products");
  const form = useForm<ProductAliasInput>({
    resolver: zodResolver(productAliasSchema),
    defaultValues: { productId: product.id, alias: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await addProductAliasAction(values);
    if ("data" in result) {
      toast.success(t("aliasAdded", { alias: values.alias, name: product.name }));
      form.reset({ productId: product.id, alias: "" });
    } else if (!applyFieldErrors(form.setError, result.fieldErrors))
      form.setError("alias", { message: result.error.message });
  });
  return (
    <Dialog onOpenChange={() => form.reset({ productId: product.id, alias: "" })}>
      <DialogTrigger asChild>
        <RowButton label={t("aliasesOf", { name: product.name })}>{t("aliases")}</RowButton>
      </DialogTrigger>
      <DialogContent title={t("aliasesOf", { name: product.name })} description={t("aliasesDescription")}>
        <ul aria-label={t("aliases")} className="mb-4 divide-y divide-zinc-100 rounded-md border border-zinc-200">
          {product.aliases.length === 0 ? <li className="px-3 py-2 text-sm text-zinc-500">{t("noAliases")}</li> : null}
          {product.aliases.map((alias) => (
            <li key={alias} className="flex items-center justify-between px-3 py-1.5 text-sm">
              {alias}
              <RemoveAliasButton product={product} alias={alias} />
            </li>
          ))}
        </ul>
        <form onSubmit={onSubmit} className="flex items-start gap-2" noValidate>
          <Field label={t("newAlias")} htmlFor={`alias-${product.id}`} error={errors.alias?.message} className="flex-1">
            <Input id={`alias-${product.id}`} aria-invalid={!!errors.alias} {...form.register("alias")} />
          </Field>
          <Button type="submit" className="mt-6" disabled={isSubmitting}>
            {isSubmitting ? t("adding") : t("addAlias")}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function ProductsPanel({ products }: { products: ProductListRow[] }) {
  const t = useTranslations("taxonomies.products");
  const count = useCount();
  const inUse = useInUse();
  const columns: Column[] = [
    { label: t("product") },
    { label: t("aliasesColumn") },
    { label: t("paymentService") },
    { label: t("complaints"), numeric: true },
  ];
  return (
    <TaxonomyTable columns={columns} empty={products.length === 0 && t("empty")}>
      {products.map((p) => (
        <TR key={p.id} aria-label={p.name}>
          <TD>
            <div className="font-medium text-zinc-900">{p.name}</div>
            {p.description ? <div className="mt-0.5 max-w-64 text-xs text-zinc-500">{p.description}</div> : null}
          </TD>
          <TD>
            <div className="flex max-w-56 flex-wrap gap-1">
              {p.aliases.length ? (
                p.aliases.map((a) => <Badge key={a}>{a}</Badge>)
              ) : (
                <span className="text-zinc-500">—</span>
              )}
            </div>
          </TD>
          <TD>
            {p.paymentService ? (
              <Badge tone="info">{t("paymentServiceDeadline")}</Badge>
            ) : (
              <span className="text-zinc-500">{t("no")}</span>
            )}
          </TD>
          <TD className="text-right tabular-nums">{count(p.complaints)}</TD>
          <StatusAndActions
            item={p}
            name={p.name}
            setActive={setProductActiveAction}
            remove={deleteProductAction}
            inUse={inUse(p.name, [
              ["complaints", p.complaints],
              ["volumes", p.volumes],
              ["actions", p.actions],
            ])}
          >
            <EditProductButton product={p} />
            <AliasesButton product={p} />
          </StatusAndActions>
        </TR>
      ))}
    </TaxonomyTable>
  );
}
