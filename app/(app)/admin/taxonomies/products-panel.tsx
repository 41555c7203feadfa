"use client";

import { zodResolver } from "@hookform/resolvers/zod";
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
import { inUseMessage } from "@/lib/taxonomies/in-use";
import type { ProductListRow } from "@/lib/taxonomies/reads";
import {
  type CreateProductInput,
  createProductSchema,
  type ProductAliasInput,
  productAliasSchema,
  updateProductSchema,
} from "@/lib/taxonomies/validations";
import { type Column, FormDialog, formatCount, RowButton, StatusAndActions, TaxonomyTable } from "./taxonomy-ui";

const PAYMENT_SERVICE_HINT =
  "Payment-service complaints get a final-response deadline of 15 business days instead of 8 weeks.";
const PAYMENT_SERVICE_CHANGE = " Changing this moves the deadline of this product's open complaints at once.";

function ProductFields({
  form,
  idPrefix,
  renaming,
}: {
  form: UseFormReturn<CreateProductInput>;
  idPrefix: string;
  renaming?: string;
}) {
  const { errors } = form.formState;
  return (
    <>
      <Field
        label="Name"
        htmlFor={`${idPrefix}-name`}
        error={errors.name?.message}
        hint={
          renaming
            ? `If you rename it, “${renaming}” becomes an alias, so files that still use it match on import.`
            : "Must differ from every product name and alias."
        }
      >
        <Input id={`${idPrefix}-name`} aria-invalid={!!errors.name} {...form.register("name")} />
      </Field>
      <Field label="Description" htmlFor={`${idPrefix}-description`} error={errors.description?.message}>
        <Textarea id={`${idPrefix}-description`} className="min-h-16" {...form.register("description")} />
      </Field>
      <div className="flex flex-col gap-1.5">
        <label className="flex items-center gap-2 text-sm font-medium text-zinc-800">
          <input type="checkbox" className="size-4" {...form.register("paymentService")} />
          Payment service
        </label>
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900">
          {PAYMENT_SERVICE_HINT}
          {renaming ? PAYMENT_SERVICE_CHANGE : null}
        </p>
      </div>
    </>
  );
}

export function NewProductButton() {
  return (
    <FormDialog
      trigger={<Button>New product</Button>}
      title="New product"
      schema={createProductSchema}
      defaults={{ name: "", description: "", paymentService: false }}
      action={createProductAction}
      submitLabel="Create product"
      pendingLabel="Creating…"
      success={(p) => `${p.name} created`}
    >
      {(form) => <ProductFields form={form as UseFormReturn<CreateProductInput>} idPrefix="new-product" />}
    </FormDialog>
  );
}

function EditProductButton({ product }: { product: ProductListRow }) {
  return (
    <FormDialog
      trigger={<RowButton label={`Edit ${product.name}`}>Edit</RowButton>}
      title={`Edit ${product.name}`}
      schema={updateProductSchema}
      defaults={{
        id: product.id,
        name: product.name,
        description: product.description ?? "",
        paymentService: product.paymentService,
      }}
      action={updateProductAction}
      submitLabel="Save product"
      success={(p) =>
        p.name !== product.name ? `Renamed to ${p.name}; “${product.name}” is now an alias` : `${p.name} saved`
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
  const [pending, startTransition] = useTransition();
  return (
    <RowButton
      label={`Remove alias ${alias}`}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await removeProductAliasAction({ productId: product.id, alias });
          if ("error" in result) toast.error(result.error.message);
          else toast.success(`“${alias}” no longer matches ${product.name}`);
        })
      }
    >
      Remove
    </RowButton>
  );
}

/** Old and alternative names: an import naming any of them files the complaint under this product. */
function AliasesButton({ product }: { product: ProductListRow }) {
  const form = useForm<ProductAliasInput>({
    resolver: zodResolver(productAliasSchema),
    defaultValues: { productId: product.id, alias: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await addProductAliasAction(values);
    if ("data" in result) {
      toast.success(`“${values.alias}” now matches ${product.name}`);
      form.reset({ productId: product.id, alias: "" });
    } else if (!applyFieldErrors(form.setError, result.fieldErrors))
      form.setError("alias", { message: result.error.message });
  });
  return (
    <Dialog onOpenChange={() => form.reset({ productId: product.id, alias: "" })}>
      <DialogTrigger asChild>
        <RowButton label={`Aliases of ${product.name}`}>Aliases</RowButton>
      </DialogTrigger>
      <DialogContent
        title={`Aliases of ${product.name}`}
        description="Imports match a product by its name or any alias, ignoring case. Removing an alias stops files that use it from matching."
      >
        <ul aria-label="Aliases" className="mb-4 divide-y divide-zinc-100 rounded-md border border-zinc-200">
          {product.aliases.length === 0 ? <li className="px-3 py-2 text-sm text-zinc-500">No aliases yet.</li> : null}
          {product.aliases.map((alias) => (
            <li key={alias} className="flex items-center justify-between px-3 py-1.5 text-sm">
              {alias}
              <RemoveAliasButton product={product} alias={alias} />
            </li>
          ))}
        </ul>
        <form onSubmit={onSubmit} className="flex items-start gap-2" noValidate>
          <Field label="New alias" htmlFor={`alias-${product.id}`} error={errors.alias?.message} className="flex-1">
            <Input id={`alias-${product.id}`} aria-invalid={!!errors.alias} {...form.register("alias")} />
          </Field>
          <Button type="submit" className="mt-6" disabled={isSubmitting}>
            {isSubmitting ? "Adding…" : "Add alias"}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}

const COLUMNS: Column[] = [
  { label: "Product" },
  { label: "Aliases (still match on import)" },
  { label: "Payment service" },
  { label: "Complaints", numeric: true },
];

export function ProductsPanel({ products }: { products: ProductListRow[] }) {
  return (
    <TaxonomyTable
      columns={COLUMNS}
      empty={products.length === 0 && "No products yet. Create the first with “New product”."}
    >
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
            {p.paymentService ? <Badge tone="info">15 business days</Badge> : <span className="text-zinc-500">No</span>}
          </TD>
          <TD className="text-right tabular-nums">{formatCount(p.complaints)}</TD>
          <StatusAndActions
            item={p}
            name={p.name}
            setActive={setProductActiveAction}
            remove={deleteProductAction}
            inUse={inUseMessage(p.name, [
              { count: p.complaints, one: "complaint", many: "complaints" },
              { count: p.volumes, one: "purchase volume", many: "purchase volumes" },
              { count: p.actions, one: "remediation action", many: "remediation actions" },
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
