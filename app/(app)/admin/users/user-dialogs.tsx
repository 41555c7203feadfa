"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import { applyFieldErrors } from "@/components/forms/apply-field-errors";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/input";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { ROLES } from "@/lib/domain/values";
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
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {ROLE_LABELS[role]}
    </option>
  ));
}

export function CreateUserButton() {
  const [open, setOpen] = useState(false);
  const form = useForm<CreateUserInput>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { email: "", name: "", role: "reviewer", password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createUserAction(values);
    if (handleResult(result, (r) => "fieldErrors" in r && applyFieldErrors(form.setError, r.fieldErrors))) {
      toast.success(`${result.data.name} can now sign in`);
      form.reset();
      setOpen(false);
    }
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button>New user</Button>
      </DialogTrigger>
      <DialogContent
        title="New user"
        description="Leave the password empty for someone who signs in only through single sign-on."
      >
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <Field label="Name" htmlFor="new-name" error={errors.name?.message}>
            <Input id="new-name" aria-invalid={!!errors.name} {...form.register("name")} />
          </Field>
          <Field label="E-mail" htmlFor="new-email" error={errors.email?.message}>
            <Input id="new-email" type="email" aria-invalid={!!errors.email} {...form.register("email")} />
          </Field>
          <Field label="Role" htmlFor="new-role" error={errors.role?.message}>
            <Select id="new-role" {...form.register("role")}>
              <RoleOptions />
            </Select>
          </Field>
          <Field
            label="Password"
            htmlFor="new-password"
            error={errors.password?.message}
            hint="At least 10 characters."
          >
            <Input
              id="new-password"
              type="password"
              autoComplete="new-password"
              aria-invalid={!!errors.password}
              {...form.register("password")}
            />
          </Field>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Creating…" : "Create user"}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function EditUserButton({ user }: { user: UserRow }) {
  const [open, setOpen] = useState(false);
  const form = useForm<UpdateUserInput>({
    resolver: zodResolver(updateUserSchema),
    values: { id: user.id, name: user.name, role: user.role, active: user.active },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await updateUserAction(values);
    if (handleResult(result, (r) => "fieldErrors" in r && applyFieldErrors(form.setError, r.fieldErrors))) {
      toast.success(`${result.data.name} updated`);
      setOpen(false);
    }
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Edit ${user.email}`}>
          Edit
        </Button>
      </DialogTrigger>
      <DialogContent title={`Edit ${user.name}`} description={user.email}>
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <Field label="Name" htmlFor="edit-name" error={errors.name?.message}>
            <Input id="edit-name" aria-invalid={!!errors.name} {...form.register("name")} />
          </Field>
          <Field label="Role" htmlFor="edit-role" error={errors.role?.message}>
            <Select id="edit-role" {...form.register("role")}>
              <RoleOptions />
            </Select>
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" className="size-4" {...form.register("active")} />
            Active (can sign in and use API tokens)
          </label>
          <Button type="submit" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : "Save"}
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function ResetPasswordButton({ user }: { user: UserRow }) {
  const [open, setOpen] = useState(false);
  const form = useForm<ResetPasswordInput>({
    resolver: zodResolver(resetPasswordSchema),
    values: { id: user.id, password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await resetPasswordAction(values);
    if (handleResult(result, (r) => "fieldErrors" in r && applyFieldErrors(form.setError, r.fieldErrors))) {
      toast.success(`Password for ${user.name} reset`);
      setOpen(false);
    }
  });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Reset password for ${user.email}`}>
          Password
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Reset password for ${user.name}`}
        description="Tell them the new password through a safe channel."
      >
        <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <Field label="New password" htmlFor="reset-password" error={errors.password?.message}>
            <Input
              id="reset-password"
              type="password"
              autoComplete="new-password"
              aria-invalid={!!errors.password}
              {...form.register("password")}
            />
          </Field>
          <Button type="submit" disabled={isSubmitting}>
            Reset password
          </Button>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function TokensButton({ user }: { user: UserRow }) {
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`API tokens for ${user.email}`}>
          Tokens
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`API tokens for ${user.name}`}
        description="A token acts with this user's role on /api/v1."
        className="max-w-2xl"
      >
        <TokensPanel user={user} />
      </DialogContent>
    </Dialog>
  );
}
