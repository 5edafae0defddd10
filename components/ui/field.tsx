import type { ReactNode } from "react";

/** Label + control + error, tied together for screen readers (aria-describedby on the control). */
export function Field(props: { id: string; label: string; error?: string; hint?: string; required?: boolean; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={props.id} className="text-sm font-medium text-slate-700">
        {props.label}
        {props.required ? (
          <span className="ml-0.5 text-red-600" aria-hidden>
            *
          </span>
        ) : null}
      </label>
      {props.children}
      {props.hint && !props.error ? (
        <p id={`${props.id}-hint`} className="text-xs text-slate-500">
          {props.hint}
        </p>
      ) : null}
      <p id={`${props.id}-error`} className="min-h-4 text-xs text-red-600" aria-live="polite">
        {props.error ?? ""}
      </p>
    </div>
  );
}

/** Props for the control inside a Field: id, aria-invalid and aria-describedby. */
export function controlProps(id: string, error?: string) {
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": `${id}-error ${id}-hint` } as const;
}

export const inputClass =
  "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-sky-600 focus:outline-none focus:ring-2 focus:ring-sky-200 aria-[invalid=true]:border-red-500 sm:text-sm";
