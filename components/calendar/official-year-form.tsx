"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Field, controlProps, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/action";
import { parseDayLines } from "@/lib/calendar-admin/schema";
import { OfficialYearPreview, type PreviewedChange } from "./official-year-preview";

/**
 * Enter a year's State Council table: one date per line ("2027-02-05 春节"). Prefilled with the
 * provisional computation so the manager corrects rather than types everything. Two steps: the
 * first submit previews the day-by-day changes against the calendar in force, the second saves
 * exactly what was previewed; any edit in between drops the preview.
 */
export function OfficialYearForm(props: {
  year: number;
  initialHolidays: string;
  initialWorkdays: string;
  initialReference: string;
  preview: (input: unknown) => Promise<ActionResult<{ year: number; changes: PreviewedChange[] }>>;
  action: (input: unknown) => Promise<ActionResult<{ year: number }>>;
}) {
  const t = useTranslations("calendar");
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ error?: string; message?: string }>({});
  const [pending, setPending] = useState(false);
  const [preview, setPreview] = useState<PreviewedChange[] | null>(null);
  const hydrated = useHydrated();
  const id = (name: string) => `y${props.year}-${name}`;

  function showRefusal(result: Extract<ActionResult, { ok: false }>) {
    // Field errors arrive per line ("holidays.3.date"); show them under the list they belong to.
    const byList: Record<string, string> = {};
    for (const [path, message] of Object.entries(result.fieldErrors ?? {})) {
      const [list, line] = path.split(".");
      byList[list] ??= line !== undefined && /^\d+$/.test(line) ? t("lineError", { line: Number(line) + 1, message }) : message;
    }
    setErrors(byList);
    setStatus({ error: result.message });
    setPreview(null);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = {
      year: props.year,
      reference: String(data.get("reference") ?? ""),
      holidays: parseDayLines(String(data.get("holidays") ?? "")),
      workdays: parseDayLines(String(data.get("workdays") ?? "")),
    };
    setPending(true);
    if (preview === null) {
      const previewed = await props.preview(input);
      setPending(false);
      if (!previewed.ok) return showRefusal(previewed);
      setErrors({});
      setStatus({});
      setPreview(previewed.data.changes);
      return;
    }
    const saved = await props.action(input);
    setPending(false);
    if (!saved.ok) return showRefusal(saved);
    setErrors({});
    setPreview(null);
    setStatus({ message: saved.message });
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} onChange={() => setPreview(null)} className="flex flex-col gap-2" noValidate>
      <Field id={id("reference")} label={t("reference")} error={errors.reference}>
        <input
          {...controlProps(id("reference"), errors.reference)}
          name="reference"
          defaultValue={props.initialReference}
          maxLength={100}
          className={inputClass}
        />
      </Field>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <Field id={id("holidays")} label={t("holidayLines")} error={errors.holidays} hint={t("linesHint")} required>
          <textarea
            {...controlProps(id("holidays"), errors.holidays)}
            name="holidays"
            rows={12}
            defaultValue={props.initialHolidays}
            className={`${inputClass} font-mono`}
          />
        </Field>
        <Field id={id("workdays")} label={t("workdayLines")} error={errors.workdays} hint={t("linesHint")}>
          <textarea
            {...controlProps(id("workdays"), errors.workdays)}
            name="workdays"
            rows={12}
            defaultValue={props.initialWorkdays}
            className={`${inputClass} font-mono`}
          />
        </Field>
      </div>
      {preview ? <OfficialYearPreview year={props.year} changes={preview} /> : null}
      <FormStatus error={status.error} message={status.message} />
      <div>
        <Button type="submit" disabled={pending || !hydrated}>
          {preview ? t("confirmSave", { year: props.year }) : t("preview")}
        </Button>
      </div>
    </form>
  );
}
