"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/action";
import { MAX_CHECKLIST_ITEMS, SaveChecklistTemplateSchema, type SaveChecklistTemplateInput } from "@/lib/checklists/schema";

/** Edits an area type's items; saving creates the next version (past checks keep theirs). */
export function ChecklistForm(props: {
  initial: SaveChecklistTemplateInput;
  action: (input: unknown) => Promise<ActionResult<{ id: string; version: number }>>;
}) {
  const t = useTranslations("checklists");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, stale, errorOf, busy } = useActionForm({
    schema: SaveChecklistTemplateSchema,
    action: props.action,
    defaultValues: props.initial,
    onSuccess: () => router.refresh(),
  });
  const { register, control, formState } = form;
  const items = useFieldArray({ control, name: "items" });
  const prefix = `cl-${props.initial.areaType}`;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2">
      <p className="text-xs text-slate-500">{t("equipmentHint")}</p>
      <ol className="flex flex-col gap-2">
        {items.fields.map((field, i) => {
          const error = errorOf(`items.${i}.label`);
          const id = `${prefix}-${i}`;
          return (
            <li key={field.id} className="flex flex-wrap items-start gap-2">
              <label htmlFor={id} className="sr-only">
                {t("itemN", { n: i + 1 })}
              </label>
              <div className="flex min-w-60 flex-1 flex-col">
                <input
                  id={id}
                  maxLength={200}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${id}-error` : undefined}
                  className="rounded-md border border-slate-300 px-3 py-2 text-sm"
                  {...register(`items.${i}.label`)}
                />
                {error ? (
                  <span id={`${id}-error`} aria-live="polite" className="text-xs text-red-700">
                    {error}
                  </span>
                ) : null}
              </div>
              <label className="flex min-h-11 items-center gap-1 text-sm text-slate-700">
                <input type="checkbox" {...register(`items.${i}.equipment`)} />
                {t("equipment")}
              </label>
              <Button
                type="button"
                variant="secondary"
                disabled={i === 0}
                onClick={() => items.move(i, i - 1)}
                aria-label={`${t("moveUp")} ${i + 1}`}
              >
                ↑
              </Button>
              <Button
                type="button"
                variant="secondary"
                disabled={i === items.fields.length - 1}
                onClick={() => items.move(i, i + 1)}
                aria-label={`${t("moveDown")} ${i + 1}`}
              >
                ↓
              </Button>
              <Button type="button" variant="secondary" disabled={items.fields.length <= 1} onClick={() => items.remove(i)}>
                {t("remove")}
              </Button>
            </li>
          );
        })}
      </ol>
      {errorOf("items") ? (
        <p aria-live="polite" className="text-xs text-red-700">
          {errorOf("items")}
        </p>
      ) : null}
      <div>
        <Button
          type="button"
          variant="secondary"
          disabled={items.fields.length >= MAX_CHECKLIST_ITEMS}
          onClick={() => items.append({ label: "", equipment: false })}
        >
          {t("addItem")}
        </Button>
      </div>
      <FormStatus error={formError} message={formMessage} stale={stale} />
      <div>
        <SubmitButton busy={busy} pending={formState.isSubmitting} label={t("save")} />
      </div>
    </form>
  );
}
