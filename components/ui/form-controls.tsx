"use client";

import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import type { FieldValues, Path, UseFormRegister } from "react-hook-form";
import { Field, controlProps, inputClass } from "./field";

/**
 * `register(name)`, but what the user chose or typed before hydration survives it: react-hook-form
 * writes the default value into the control when it registers it, which on a slow phone resets a
 * select picked right after the page appeared. When the control already differs from its
 * server-rendered default, that value is handed back to the form as a change.
 */
export function registerKeepingInput<T extends FieldValues>(register: UseFormRegister<T>, name: Path<T>) {
  const registered = register(name);
  return {
    ...registered,
    ref: (el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null) => {
      const typed = el && !(el instanceof HTMLInputElement && (el.type === "checkbox" || el.type === "radio")) ? el.value : null;
      const changed = el !== null && typed !== null && typed !== serverDefault(el);
      registered.ref(el);
      if (el && changed && el.value !== typed) {
        el.value = typed;
        void registered.onChange({ target: el, type: "change" });
      }
    },
  };
}

function serverDefault(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): string {
  if (el instanceof HTMLSelectElement) {
    const chosen = Array.from(el.options).find((o) => o.defaultSelected) ?? el.options[0];
    return chosen?.value ?? "";
  }
  return el.defaultValue;
}

type Common<T extends FieldValues> = {
  name: Path<T>;
  label: string;
  register: UseFormRegister<T>;
  error?: string;
  hint?: string;
  required?: boolean;
  /** Element ids are `${idPrefix}-${name}`: give a prefix when one page shows the same form several times. */
  idPrefix?: string;
};

/** A registered text-like input with its label and error (one pattern for every form). */
export function TextField<T extends FieldValues>({
  name,
  label,
  idPrefix,
  register,
  error,
  hint,
  required,
  ...rest
}: Common<T> & InputHTMLAttributes<HTMLInputElement>) {
  const id = `${idPrefix ?? "f"}-${name.replaceAll(".", "-")}`;
  return (
    <Field id={id} label={label} error={error} hint={hint} required={required}>
      <input {...controlProps(id, error)} className={inputClass} {...rest} {...registerKeepingInput(register, name)} />
    </Field>
  );
}

export function SelectField<T extends FieldValues>({
  name,
  label,
  idPrefix,
  register,
  error,
  hint,
  required,
  options,
  emptyOption,
  ...rest
}: Common<T> & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[]; emptyOption?: string }) {
  const id = `${idPrefix ?? "f"}-${name.replaceAll(".", "-")}`;
  return (
    <Field id={id} label={label} error={error} hint={hint} required={required}>
      <select {...controlProps(id, error)} className={inputClass} {...rest} {...registerKeepingInput(register, name)}>
        {emptyOption !== undefined ? <option value="">{emptyOption}</option> : null}
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
  idPrefix,
  register,
}: {
  name: Path<T>;
  label: string;
  register: UseFormRegister<T>;
  idPrefix?: string;
}) {
  const id = `${idPrefix ?? "f"}-${name.replaceAll(".", "-")}`;
  return (
    <label htmlFor={id} className="flex min-h-11 items-center gap-2 text-sm">
      <input id={id} type="checkbox" className="h-5 w-5" {...register(name)} />
      {label}
    </label>
  );
}

export function TextAreaField<T extends FieldValues>({
  name,
  label,
  idPrefix,
  register,
  error,
  hint,
  required,
  ...rest
}: Common<T> & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = `${idPrefix ?? "f"}-${name.replaceAll(".", "-")}`;
  return (
    <Field id={id} label={label} error={error} hint={hint} required={required}>
      <textarea {...controlProps(id, error)} className={inputClass} rows={4} {...rest} {...registerKeepingInput(register, name)} />
    </Field>
  );
}

/** Radio buttons as a fieldset with a legend; each option may carry a one-line hint. */
export function RadioGroupField<T extends FieldValues>({
  name,
  label,
  idPrefix,
  register,
  error,
  required,
  options,
}: Common<T> & { options: { value: string; label: string; hint?: string }[] }) {
  const id = `${idPrefix ?? "f"}-${name.replaceAll(".", "-")}`;
  return (
    <fieldset className="flex flex-col gap-1" aria-describedby={`${id}-error`} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium text-slate-700">
        {label}
        {required ? (
          <span className="ml-0.5 text-red-600" aria-hidden>
            *
          </span>
        ) : null}
      </legend>
      <div className="flex flex-wrap gap-2">
        {options.map((o) => (
          <label
            key={o.value}
            className="flex min-h-11 cursor-pointer items-start gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm has-[:checked]:border-sky-600 has-[:checked]:bg-sky-50"
          >
            <input type="radio" value={o.value} className="mt-0.5 h-4 w-4" {...register(name)} />
            <span>
              <span className="font-medium">{o.label}</span>
              {o.hint ? <span className="block text-xs text-slate-500">{o.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
      <p id={`${id}-error`} className="min-h-4 text-xs text-red-600" aria-live="polite">
        {error ?? ""}
      </p>
    </fieldset>
  );
}
