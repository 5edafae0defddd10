"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { controlProps, Field, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { closeActionItemAction, confirmMeetingAction } from "@/lib/meetings/actions";
import { useStep } from "./use-step";

/** The convener confirms the minutes (R-MTG-4); the server refuses while attendance or agenda is incomplete. */
export function ConfirmButton({ meetingId }: { meetingId: string }) {
  const t = useTranslations("meetings");
  const { run, busy, pending, error, fieldErrors } = useStep();
  const details = Object.entries(fieldErrors).map(
    ([field, message]) => `${field === "attendance" ? t("attendance.title") : t(`agenda.${field}`)}：${message}`,
  );
  return (
    <div className="flex flex-col gap-2" data-testid="confirm-minutes">
      <p className="text-sm text-slate-600">{t("confirm.hint")}</p>
      <div>
        <Button type="button" disabled={busy} aria-busy={pending} onClick={() => run(() => confirmMeetingAction({ meetingId }))}>
          {t("confirm.submit")}
        </Button>
      </div>
      <FormStatus error={details.length ? details.join("；") : error} />
    </div>
  );
}

/** Close an open action item, in the meeting on screen when it is still open for minutes (who/when recorded). */
export function CloseItemForm({ itemId, meetingId }: { itemId: string; meetingId: string | null }) {
  const t = useTranslations("meetings");
  const { run, busy, pending, error, fieldErrors } = useStep();
  const [note, setNote] = useState("");
  const id = `f-close-${itemId}`;
  return (
    <form
      className="mt-2 flex flex-col gap-1 sm:flex-row sm:items-start"
      noValidate
      aria-label={t("items.close")}
      onSubmit={(e) => {
        e.preventDefault();
        run(() => closeActionItemAction({ actionItemId: itemId, meetingId: meetingId ?? "", closingNote: note }));
      }}
    >
      <div className="flex-1">
        <Field id={id} label={t("items.closingNote")} error={fieldErrors.closingNote ?? fieldErrors.meetingId ?? error ?? undefined}>
          <input
            {...controlProps(id, error ?? undefined)}
            className={inputClass}
            maxLength={300}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Field>
      </div>
      <Button type="submit" variant="secondary" disabled={busy} aria-busy={pending} className="sm:mt-6">
        {t("items.close")}
      </Button>
    </form>
  );
}
