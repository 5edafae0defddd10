"use client";

import { useTranslations } from "next-intl";
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { controlProps, inputClass } from "@/components/ui/field";
import { MAX_ITEMS, hazardTermIn } from "@/lib/goods-passes/rules";
import { ITEM_UNITS } from "@/lib/goods-passes/options";
import type { CreateGoodsPassInput, CreateGoodsPassValues } from "@/lib/goods-passes/schema";

type PassForm = UseFormReturn<CreateGoodsPassInput, unknown, CreateGoodsPassValues>;

export const emptyItem = { name: "", quantity: "", unit: "件", hazardous: false };

/** R-GP-4, live: which rows the server will refuse for goods coming in, and why. */
function hazardWarnings(
  items: CreateGoodsPassInput["items"] | undefined,
  terms: readonly string[],
  t: (key: string, values?: Record<string, string | number>) => string,
) {
  return (items ?? []).flatMap((item, index) => {
    const name = String(item?.name ?? "").trim();
    if (item?.hazardous) return [t("hazardFlagWarning", { n: index + 1, item: name || t("itemN", { n: index + 1 }) })];
    const term = name ? hazardTermIn(name, terms) : null;
    return term ? [t("hazardWarning", { n: index + 1, item: name, term })] : [];
  });
}

/** The items of a pass (R-GP-1): name, quantity and unit per row, rows added and removed, at most MAX_ITEMS. */
export function ItemRows({
  form,
  errorOf,
  hazardTerms,
}: {
  form: PassForm;
  errorOf: (name: string) => string | undefined;
  hazardTerms: string[];
}) {
  const t = useTranslations("goodsPasses");
  const { control, register, watch } = form;
  const { fields, append, remove } = useFieldArray({ control, name: "items" });
  const direction = watch("direction");
  const warnings = direction === "IN" ? hazardWarnings(watch("items"), hazardTerms, t) : [];
  const listError = errorOf("items");

  return (
    <fieldset className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3" aria-describedby="f-items-error">
      <legend className="px-1 text-sm font-medium text-slate-700">
        {t("items")}
        <span className="ml-0.5 text-red-600" aria-hidden>
          *
        </span>
        <span className="ml-2 text-xs font-normal text-slate-500">{t("itemCount", { count: fields.length, max: MAX_ITEMS })}</span>
      </legend>
      <datalist id="item-units">
        {ITEM_UNITS.map((u) => (
          <option key={u} value={u} />
        ))}
      </datalist>
      <ol className="flex flex-col gap-2">
        {fields.map((field, index) => {
          const id = (part: string) => `f-items-${index}-${part}`;
          const err = (part: string) => errorOf(`items.${index}.${part}`);
          return (
            <li
              key={field.id}
              className="grid grid-cols-12 items-start gap-2 border-b border-slate-100 pb-2"
              aria-label={t("itemN", { n: index + 1 })}
            >
              <div className="col-span-12 sm:col-span-5">
                <label htmlFor={id("name")} className="sr-only">
                  {t("itemName")} {index + 1}
                </label>
                <input
                  {...controlProps(id("name"), err("name"))}
                  placeholder={t("itemName")}
                  maxLength={100}
                  className={inputClass}
                  {...register(`items.${index}.name`)}
                />
                <p id={`${id("name")}-error`} className="min-h-4 text-xs text-red-600" aria-live="polite">
                  {err("name") ?? err("hazardous") ?? ""}
                </p>
              </div>
              <div className="col-span-4 sm:col-span-2">
                <label htmlFor={id("quantity")} className="sr-only">
                  {t("quantity")} {index + 1}
                </label>
                <input
                  {...controlProps(id("quantity"), err("quantity"))}
                  placeholder={t("quantity")}
                  inputMode="decimal"
                  className={inputClass}
                  {...register(`items.${index}.quantity`)}
                />
                <p id={`${id("quantity")}-error`} className="min-h-4 text-xs text-red-600" aria-live="polite">
                  {err("quantity") ?? ""}
                </p>
              </div>
              <div className="col-span-3 sm:col-span-2">
                <label htmlFor={id("unit")} className="sr-only">
                  {t("itemUnit")} {index + 1}
                </label>
                <input
                  {...controlProps(id("unit"), err("unit"))}
                  list="item-units"
                  maxLength={10}
                  className={inputClass}
                  {...register(`items.${index}.unit`)}
                />
                <p id={`${id("unit")}-error`} className="min-h-4 text-xs text-red-600" aria-live="polite">
                  {err("unit") ?? ""}
                </p>
              </div>
              <label htmlFor={id("hazardous")} className="col-span-3 flex min-h-11 items-center gap-1 text-sm sm:col-span-2">
                <input id={id("hazardous")} type="checkbox" className="h-5 w-5" {...register(`items.${index}.hazardous`)} />
                {t("hazardous")}
              </label>
              <Button
                type="button"
                variant="secondary"
                className="col-span-2 px-2 sm:col-span-1"
                onClick={() => remove(index)}
                disabled={fields.length <= 1}
                aria-label={t("removeItem", { n: index + 1 })}
              >
                ×
              </Button>
            </li>
          );
        })}
      </ol>
      <div>
        <Button type="button" variant="secondary" onClick={() => append({ ...emptyItem })} disabled={fields.length >= MAX_ITEMS}>
          {t("addItem")}
        </Button>
      </div>
      {warnings.length > 0 ? (
        <ul role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="hazard-warnings">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      <p id="f-items-error" className="min-h-4 text-xs text-red-600" aria-live="polite">
        {listError ?? ""}
      </p>
    </fieldset>
  );
}
