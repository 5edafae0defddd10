"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { FormStatus } from "@/components/ui/form-status";
import { controlProps, inputClass } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { recordAttendanceAction } from "@/lib/meetings/actions";
import { ATTENDANCE_STATUSES } from "@/lib/meetings/rules";
import { RecordAttendanceSchema } from "@/lib/meetings/schema";

export interface AttendanceRow {
  participantId: string;
  name: string;
  organization: string | null;
  position: string | null;
  status: string | null;
  note: string | null;
}

/** The minute-taker records each expected person's attendance (R-MTG-3); one line per person, phone-friendly. */
export function AttendanceForm({ meetingId, rows }: { meetingId: string; rows: AttendanceRow[] }) {
  const t = useTranslations("meetings");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: RecordAttendanceSchema,
    action: recordAttendanceAction,
    defaultValues: {
      meetingId,
      entries: rows.map((r) => ({ participantId: r.participantId, status: (r.status ?? "") as "", note: r.note ?? "" })),
    },
    onSuccess: () => router.refresh(),
  });
  const { register } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t("attendance.title")}>
      <ul className="flex flex-col divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {rows.map((r, i) => {
          const id = `f-entries-${i}-status`;
          const error = errorOf(`entries.${i}.status`) ?? errorOf(`entries.${i}.participantId`);
          return (
            <li key={r.participantId} className="grid gap-2 p-3 sm:grid-cols-[1fr_10rem_1fr] sm:items-start">
              <label htmlFor={id} className="text-sm">
                <span className="font-medium">{r.name}</span>
                <span className="block text-xs text-slate-500">{[r.organization, r.position].filter(Boolean).join(" · ")}</span>
              </label>
              <div>
                <select {...controlProps(id, error)} className={inputClass} {...register(`entries.${i}.status`)}>
                  <option value="">{t("attendance.notRecorded")}</option>
                  {ATTENDANCE_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`status.${s}`)}
                    </option>
                  ))}
                </select>
                <p id={`${id}-error`} className="min-h-4 text-xs text-red-600" aria-live="polite">
                  {error ?? ""}
                </p>
              </div>
              <input
                aria-label={t("attendance.noteFor", { name: r.name })}
                maxLength={200}
                className={inputClass}
                {...register(`entries.${i}.note`)}
              />
            </li>
          );
        })}
      </ul>
      <p className="text-xs text-slate-500">{t("attendance.excusedHint")}</p>
      <FormStatus error={errorOf("entries") ?? formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("attendance.save")} />
      </div>
    </form>
  );
}
