"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { addParticipantAction, setParticipantActiveAction } from "@/lib/meetings/actions";
import { AddParticipantSchema } from "@/lib/meetings/schema";
import { newRequestId } from "@/lib/request-id";

interface Participant {
  id: string;
  name: string;
  organization: string | null;
  position: string | null;
  userId: string | null;
  superiorId: string | null;
  active: boolean;
}

/** Expected attendees of a series: staff accounts or named contractors' people; add or (de)activate. */
export function ParticipantsPanel(props: {
  seriesId: string;
  version: number;
  participants: Participant[];
  staff: { id: string; name: string }[];
}) {
  const t = useTranslations("meetings");
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [error, setError] = useState<{ message: string; stale: boolean } | null>(null);
  // One id per filled-in form: a double tap or a replayed request finds the participant it already added.
  const [requestId] = useState(newRequestId);
  const empty = { requestId, seriesId: props.seriesId, userId: "", name: "", organization: "", position: "", superiorId: "" };
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: AddParticipantSchema,
    action: addParticipantAction,
    defaultValues: empty,
    onSuccess: () => {
      form.reset({ ...empty, requestId: newRequestId() });
      router.refresh();
    },
  });
  const toggle = (participantId: string, active: boolean) =>
    start(async () => {
      const result = await setParticipantActiveAction({ participantId, version: props.version, active });
      setError(result.ok ? null : { message: result.message, stale: result.code === "stale" });
      router.refresh();
    });
  const staffName = new Map(props.staff.map((s) => [s.id, s.name]));
  const people = props.staff.map((s) => ({ value: s.id, label: s.name }));
  return (
    <div className="flex flex-col gap-4">
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
        {props.participants.map((p) => (
          <li key={p.id} className={`flex flex-wrap items-center justify-between gap-2 p-3 ${p.active ? "" : "text-slate-400"}`}>
            <span>
              <span className="font-medium">{p.name}</span>
              <span className="ml-1 text-xs">{[p.organization, p.position].filter(Boolean).join(" · ")}</span>
              <span className="block text-xs">
                {t("series.superior", { name: p.superiorId ? (staffName.get(p.superiorId) ?? "—") : t("series.convener") })}
              </span>
            </span>
            <Button type="button" variant="secondary" disabled={!hydrated || pending} onClick={() => toggle(p.id, !p.active)}>
              {p.active ? t("series.deactivate") : t("series.activate")}
            </Button>
          </li>
        ))}
      </ul>
      <FormStatus error={error?.message} stale={error?.stale} />
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("series.addParticipant")}>
        <h3 className="text-sm font-semibold">{t("series.addParticipant")}</h3>
        <div className="grid gap-2 sm:grid-cols-2">
          <SelectField
            name="userId"
            label={t("series.staff")}
            register={form.register}
            error={errorOf("userId")}
            emptyOption={t("series.external")}
            options={people}
          />
          <TextField name="name" label={t("series.externalName")} register={form.register} error={errorOf("name")} maxLength={50} />
          <TextField
            name="organization"
            label={t("printSheet.organization")}
            register={form.register}
            error={errorOf("organization")}
            maxLength={60}
          />
          <TextField name="position" label={t("series.position")} register={form.register} error={errorOf("position")} maxLength={30} />
          <SelectField
            name="superiorId"
            label={t("series.superiorField")}
            register={form.register}
            error={errorOf("superiorId")}
            emptyOption={t("series.convener")}
            options={people}
          />
        </div>
        <FormStatus error={formError} message={formMessage} />
        <div>
          <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("series.addParticipant")} />
        </div>
      </form>
    </div>
  );
}
