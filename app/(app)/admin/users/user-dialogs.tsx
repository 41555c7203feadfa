"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/input";
import { ROLES } from "@/lib/domain/values";
import { useCodes } from "@/lib/i18n/hooks";
import type { MutationResult } from "@/lib/operations/result";
import { createUserAction, resetPasswordAction, updateUserAction } from "@/lib/users/actions";
import type { UserRow } from "@/lib/users/operations";
import {
  type CreateUserInput,
  createUserSchema,
  type ResetPasswordInput,
  resetPasswordSchema,
  type UpdateUserInput,
  updateUserSchema,
} from "@/lib/users/validations";
import { TokensPanel } from "./tokens-panel";

/** Shows the outcome of an action: field errors on the form, anything else as a toast. */
function handleResult<T>(
  result: MutationResult<T>,
  onFieldErrors: (r: typeof result) => boolean,
): result is { data: T } {
  if ("data" in result) return true;
  if (!onFieldErrors(result)) toast.error(result.error.message);
  return false;
}

function RoleOptions() {
  const { role: roles } = useCodes();
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {roles[role]}
    </option>
  ));
}

export function CreateUserButton() {
  const t = useTranslations("users");
  const [open, setOpen] = useState(false);
  const form = useForm<CreateUserInput>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { email: "", name: "", role: "reviewer", password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createUserAction(values);
    if (handleResult(result, (r) => "fieldErrors" in r && applyFieldErrors(form.setError, r.fieldErrors))) {
      toast.success(t("created", { name: result.data.name }));
      form.reset();
      setOpen(false);
    }
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>{t("new")}</Button>
      </DialogTrigger>
      <DialogContent title={t("new")} description={t("newDescription")}>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <Field label={t("name")} htmlFor="new-name" error={errors.name?.message}>
            <Input id="new-name" aria-invalid={!!errors.name} {...form.register("name")} />
          </Field>
          <Field label={t("email")} htmlFor="new-email" error={errors.email?.message}>
            <Input id="new-email" type="email" aria-invalid={!!errors.email} {...form.register("email")} />
          </Field>
          <Field label={t("role")} htmlFor="new-role" error={errors.role?.message}>
            <Select id="new-role" {...form.register("role")}>
              <RoleOptions />
            </Select>
          </Field>
          <Field label={t("password")} htmlFor="new-password" error={errors.password?.message} hint={t("passwordHint")}>
            <Input
              id="new-password"
              type="password"
              autoComplete="new-password"
              aria-invalid={!!errors.password}
              {...form.register("password")}
            />
          </Field>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? t("creating") : t("create")}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function EditUserButton({ user }: { user: UserRow }) {
  const t = useTranslations("users");
  const [open, setOpen] = useState(false);
  const form = useForm<UpdateUserInput>({
    resolver: zodResolver(updateUserSchema),
    values: { id: user.id, name: user.name, role: user.role, active: user.active },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await updateUserAction(values);
    if (handleResult(result, (r) => "fieldErrors" in r && applyFieldErrors(form.setError, r.fieldErrors))) {
      toast.success(t("updated", { name: result.data.name }));
      setOpen(false);
    }
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={t("editName", { name: user.email })}>
          {t("edit")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("editName", { name: user.name })} description={user.email}>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <Field label={t("name")} htmlFor="edit-name" error={errors.name?.message}>
            <Input id="edit-name" aria-invalid={!!errors.name} {...form.register("name")} />
          </Field>
          <Field label={t("role")} htmlFor="edit-role" error={errors.role?.message}>
            <Select id="edit-role" {...form.register("role")}>
              <RoleOptions />
            </Select>
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4" {...form.register("active")} />
            {t("activeCheckbox")}
          </label>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? t("saving") : t("save")}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function ResetPasswordButton({ user }: { user: UserRow }) {
  const t = useTranslations("users");
  const [open, setOpen] = useState(false);
  const form = useForm<ResetPasswordInput>({
    resolver: zodResolver(resetPasswordSchema),
    values: { id: user.id, password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await resetPasswordAction(values);
    if (handleResult(result, (r) => "fieldErrors" in r && applyFieldErrors(form.setError, r.fieldErrors))) {
      toast.success(t("passwordReset", { name: user.name }));
      setOpen(false);
    }
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={t("resetPasswordFor", { name: user.email })}>
          {t("passwordButton")}
        </Button>
      </DialogTrigger>
      <DialogContent title={t("resetPasswordFor", { name: user.name })} description={t("resetDescription")}>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <Field label={t("newPassword")} htmlFor="reset-password" error={errors.password?.message}>
            <Input
              id="reset-password"
              type="password"
              autoComplete="new-password"
              aria-invalid={!!errors.password}
              {...form.register("password")}
            />
          </Field>
          <Button type="submit" disabled={isSubmitting}>
            {t("resetPassword")}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function TokensButton({ user }: { user: UserRow }) {
  const t = useTranslations("users");
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={t("tokensFor", { name: user.email })}>
          {t("tokensButton")}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={t("tokensFor", { name: user.name })}
        description={t("tokensDescription")}
        className="max-w-2xl"
      >
        <TokensPanel user={user} />
      </DialogContent>
    </Dialog>
  );
}
