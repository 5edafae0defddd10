"use client";

import type { ReactNode } from "react";
import { Controller, useWatch, type Control, type FieldValues, type Path, type UseFormRegister } from "react-hook-form";
import { PhotoInput } from "@/components/files/photo-input";
import { TextAreaField } from "@/components/ui/form-controls";

const choiceClass =
  "flex min-h-12 flex-1 cursor-pointer items-center justify-center gap-2 rounded-md border-2 border-slate-300 px-3 text-base font-medium has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-sky-400";

export interface CheckRowLabels {
  pass: string;
  fail: string;
  note: string;
  notePlaceholder: string;
  photos: string;
}

/**
 * One checked item on a phone (inspection rounds R-INS-3, vacant-unit cleaning R-VAC-2): 合格 / 不合格 as
 * two big buttons, a required note once it fails, camera photos. `base` is the item's path in the form
 * ("results.3"); its fields are `result`, `note`, `photoFileIds`.
 */
export function CheckRow<T extends FieldValues>(props: {
  base: string;
  legend: ReactNode;
  testId: string;
  siteId: string;
  maxPhotos: number;
  labels: CheckRowLabels;
  control: Control<T>;
  register: UseFormRegister<T>;
  errorOf: (name: string) => string | undefined;
  /** Photos only for a failure (inspections), or always (a cleaning record documents the result). */
  photosAlways?: boolean;
  /** Shown above the note when the item fails. */
  failHint?: ReactNode;
}) {
  const { base, labels } = props;
  const path = (field: string) => `${base}.${field}` as Path<T>;
  const errorId = `f-${base.replaceAll(".", "-")}-result-error`;
  const failed = useWatch({ control: props.control, name: path("result") }) === "FAIL";
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3" data-testid={props.testId}>
      <fieldset aria-describedby={errorId}>
        <legend className="mb-2 font-medium">{props.legend}</legend>
        <div className="flex gap-2">
          <label className={`${choiceClass} has-[:checked]:border-emerald-600 has-[:checked]:bg-emerald-50`}>
            <input type="radio" value="PASS" className="h-5 w-5" {...props.register(path("result"))} />
            {labels.pass}
          </label>
          <label className={`${choiceClass} has-[:checked]:border-red-600 has-[:checked]:bg-red-50`}>
            <input type="radio" value="FAIL" className="h-5 w-5" {...props.register(path("result"))} />
            {labels.fail}
          </label>
        </div>
        <p id={errorId} className="text-xs text-red-600" aria-live="polite">
          {props.errorOf(path("result")) ?? ""}
        </p>
      </fieldset>
      {failed || props.photosAlways ? (
        <div className="mt-2 flex flex-col gap-2">
          {failed ? props.failHint : null}
          {failed ? (
            <TextAreaField
              register={props.register}
              name={path("note")}
              label={labels.note}
              placeholder={labels.notePlaceholder}
              required
              maxLength={500}
              rows={2}
              error={props.errorOf(path("note"))}
            />
          ) : null}
          <Controller
            control={props.control}
            name={path("photoFileIds")}
            render={({ field }) => (
              <PhotoInput
                siteId={props.siteId}
                name={path("photoFileIds")}
                label={labels.photos}
                max={props.maxPhotos}
                value={field.value ?? []}
                onChange={field.onChange}
                error={props.errorOf(path("photoFileIds"))}
              />
            )}
          />
        </div>
      ) : null}
    </li>
  );
}
