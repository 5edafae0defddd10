"use client";

import type { InputHTMLAttributes, SelectHTMLAttributes } from "react";
import type { FieldValues, Path, UseFormRegister } from "react-hook-form";
import { Field, controlProps, inputClass } from "./field";

type Common<T extends FieldValues> = {
  name: Path<T>;
  label: string;
  register: UseFormRegister<T>;
  error?: string;
  hint?: string;
  required?: boolean;
};

/** A registered text-like input with its label and error (one pattern for every form). */
export function TextField<T extends FieldValues>({
  name,
  label,
  register,
  error,
  hint,
  required,
  ...rest
}: Common<T> & InputHTMLAttributes<HTMLInputElement>) {
  const id = `f-${name.replaceAll(".", "-")}`;
  return (
    <Field id={id} label={label} error={error} hint={hint} required={required}>
      <input {...controlProps(id, error)} className={inputClass} {...rest} {...register(name)} />
    </Field>
  );
}

export function SelectField<T extends FieldValues>({
  name,
  label,
  register,
  error,
  hint,
  required,
  options,
  placeholder,
  ...rest
}: Common<T> & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[]; placeholder?: string }) {
  const id = `f-${name.replaceAll(".", "-")}`;
  return (
    <Field id={id} label={label} error={error} hint={hint} required={required}>
      <select {...controlProps(id, error)} className={inputClass} {...rest} {...register(name)}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function CheckboxField<T extends FieldValues>({
  name,
  label,
  register,
}: {
  name: Path<T>;
  label: string;
  register: UseFormRegister<T>;
}) {
  const id = `f-${name.replaceAll(".", "-")}`;
  return (
    <label htmlFor={id} className="flex min-h-10 items-center gap-2 text-sm">
      <input id={id} type="checkbox" className="h-5 w-5" {...register(name)} />
      {label}
    </label>
  );
}
