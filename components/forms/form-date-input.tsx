"use client";

import { type Control, Controller, type FieldPath, type FieldValues } from "react-hook-form";
import { DateInput, type DateInputProps } from "@/components/ui/date-input";

/** A DateInput bound to a react-hook-form field: its value, edits, blur, focus on error and error message. */
export function FormDateInput<T extends FieldValues>({
  control,
  name,
  ...props
}: Omit<DateInputProps, "value" | "defaultValue" | "onChange" | "onBlur" | "inputRef" | "error" | "name"> & {
  control: Control<T>;
  name: FieldPath<T>;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <DateInput
          {...props}
          value={typeof field.value === "string" ? field.value : ""}
          onChange={(value) => field.onChange(value)}
          onBlur={field.onBlur}
          inputRef={field.ref}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
