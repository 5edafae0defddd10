"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { CheckboxField, SelectField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { WasteResponsible, WasteStream } from "@/lib/generated/prisma/enums";
import { createWasteContainerAction, createWastePointAction, saveWasteStreamAction, updateWastePointAction } from "@/lib/waste/actions";
import {
  CreateWasteContainerSchema,
  CreateWastePointSchema,
  SaveWasteStreamSchema,
  UpdateWastePointSchema,
  WASTE_RESPONSIBLES,
  WASTE_STREAMS,
} from "@/lib/waste/schema";

/** §12.1: a new sorting and collection point of a site. */
export function CreatePointForm({ sites }: { sites: { id: string; name: string }[] }) {
  const t = useTranslations("waste");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: CreateWastePointSchema,
    action: createWastePointAction,
    defaultValues: { siteId: sites[0]?.id ?? "", name: "", location: "" },
    onSuccess: () => {
      form.reset({ siteId: form.getValues("siteId"), name: "", location: "" });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("setup.addPoint")}>
      <div className="grid gap-x-3 sm:grid-cols-3">
        {sites.length > 1 ? (
          <SelectField
            register={form.register}
            idPrefix="new-point"
            name="siteId"
            label={t("site")}
            required
            options={sites.map((s) => ({ value: s.id, label: s.name }))}
            error={errorOf("siteId")}
          />
        ) : null}
        <TextField
          register={form.register}
          idPrefix="new-point"
          name="name"
          label={t("setup.name")}
          required
          maxLength={60}
          error={errorOf("name")}
        />
        <TextField
          register={form.register}
          idPrefix="new-point"
          name="location"
          label={t("setup.location")}
          maxLength={100}
          error={errorOf("location")}
        />
      </div>
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("setup.addPoint")} />
      </div>
    </form>
  );
}

/** Rename, move or close a point. */
export function EditPointForm({
  point,
}: {
  point: { id: string; version: number; name: string; location: string | null; active: boolean };
}) {
  const t = useTranslations("waste");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, stale, errorOf, busy } = useActionForm({
    schema: UpdateWastePointSchema,
    action: updateWastePointAction,
    defaultValues: { id: point.id, version: point.version, name: point.name, location: point.location ?? "", active: point.active },
    onSuccess: () => router.refresh(),
  });
  const prefix = `point-${point.id}`;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={`${t("setup.editPoint")} ${point.name}`}>
      <div className="grid gap-x-3 sm:grid-cols-2">
        <TextField
          register={form.register}
          idPrefix={prefix}
          name="name"
          label={t("setup.name")}
          required
          maxLength={60}
          error={errorOf("name")}
        />
        <TextField
          register={form.register}
          idPrefix={prefix}
          name="location"
          label={t("setup.location")}
          maxLength={100}
          error={errorOf("location")}
        />
      </div>
      <CheckboxField register={form.register} idPrefix={prefix} name="active" label={t("setup.active")} />
      <FormStatus error={formError} message={formMessage} stale={stale} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("setup.save")} />
      </div>
    </form>
  );
}

/** §12.1–12.2: a dedicated container of one stream at a point. */
export function AddContainerForm({ pointId }: { pointId: string }) {
  const t = useTranslations("waste");
  const router = useRouter();
  const { form, onSubmit, formError, errorOf, busy } = useActionForm({
    schema: CreateWasteContainerSchema,
    action: createWasteContainerAction,
    defaultValues: { pointId, stream: "RECYCLABLE", label: "" },
    onSuccess: () => {
      form.reset({ pointId, stream: form.getValues("stream"), label: "" });
      router.refresh();
    },
  });
  const prefix = `container-${pointId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("setup.addContainer")}>
      <div className="grid gap-x-3 sm:grid-cols-2">
        <SelectField
          register={form.register}
          idPrefix={prefix}
          name="stream"
          label={t("stream")}
          required
          options={WASTE_STREAMS.map((s) => ({ value: s, label: t(`streams.${s}`) }))}
          error={errorOf("stream")}
        />
        <TextField
          register={form.register}
          idPrefix={prefix}
          name="label"
          label={t("setup.containerLabel")}
          hint={t("setup.containerHint")}
          required
          maxLength={60}
          error={errorOf("label")}
        />
      </div>
      <FormStatus error={formError} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("setup.addContainer")} />
      </div>
    </form>
  );
}

/** R-WST-1: who answers for a stream at a site and within how many days it is cleared. */
export function StreamForm(props: {
  siteId: string;
  stream: WasteStream;
  version: number;
  responsible: WasteResponsible;
  responsibleName: string | null;
  clearanceDays: number;
}) {
  const t = useTranslations("waste");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, stale, errorOf, busy } = useActionForm({
    schema: SaveWasteStreamSchema,
    action: saveWasteStreamAction,
    defaultValues: {
      siteId: props.siteId,
      stream: props.stream,
      version: props.version,
      responsible: props.responsible,
      responsibleName: props.responsibleName ?? "",
      clearanceDays: props.clearanceDays,
    },
    onSuccess: () => router.refresh(),
  });
  const prefix = `stream-${props.siteId}-${props.stream}`;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t(`streams.${props.stream}`)}>
      <div className="grid gap-x-3 sm:grid-cols-3">
        <SelectField
          register={form.register}
          idPrefix={prefix}
          name="responsible"
          label={t("responsible")}
          required
          options={WASTE_RESPONSIBLES.map((r) => ({ value: r, label: t(`responsibles.${r}`) }))}
          error={errorOf("responsible")}
        />
        <TextField
          register={form.register}
          idPrefix={prefix}
          name="responsibleName"
          label={t("setup.responsibleName")}
          maxLength={50}
          error={errorOf("responsibleName")}
        />
        <TextField
          register={form.register}
          idPrefix={prefix}
          name="clearanceDays"
          label={t("clearanceDays")}
          type="number"
          inputMode="numeric"
          min={1}
          max={365}
          required
          error={errorOf("clearanceDays")}
        />
      </div>
      <FormStatus error={formError} message={formMessage} stale={stale} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("setup.save")} />
      </div>
    </form>
  );
}
