"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller } from "react-hook-form";
import { PhotoInput } from "@/components/files/photo-input";
import { SelectField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { registerFoundItemAction } from "@/lib/found-items/actions";
import { MAX_PHOTOS, RegisterFoundItemSchema } from "@/lib/found-items/schema";
import { newRequestId } from "@/lib/request-id";

/**
 * R-LOST-1 (§7.8): register an item the garbage-room staff handed in. The finder is a name (contractor
 * staff have no accounts); the date and time are the site's wall clock. On success the item's page
 * opens, with its number and the label to print.
 */
export function RegisterFoundItemForm(props: { sites: { id: string; name: string }[]; today: string; now: string }) {
  const t = useTranslations("foundItems");
  const router = useRouter();
  // One id per filled-in form: a double tap or a replayed request finds the item already registered.
  const [requestId] = useState(newRequestId);
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: RegisterFoundItemSchema,
    action: registerFoundItemAction,
    defaultValues: {
      requestId,
      siteId: props.sites.length === 1 ? props.sites[0].id : "",
      description: "",
      foundPlace: "",
      foundOn: props.today,
      foundTime: props.now,
      foundByName: "",
      keptAt: "",
      photoFileIds: [],
    },
    onSuccess: (data) => {
      router.push(`/found-items/${data.id}`);
      router.refresh();
    },
  });
  const { register, watch, control, formState } = form;
  const siteId = watch("siteId");
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-2xl flex-col gap-2" aria-label={t("register.title")}>
      {props.sites.length > 1 ? (
        <SelectField
          register={register}
          name="siteId"
          label={t("site")}
          required
          emptyOption={t("chooseSite")}
          options={props.sites.map((s) => ({ value: s.id, label: s.name }))}
          error={errorOf("siteId")}
        />
      ) : null}
      <TextField
        register={register}
        name="description"
        label={t("description")}
        hint={t("descriptionHint")}
        required
        maxLength={200}
        error={errorOf("description")}
      />
      <TextField register={register} name="foundPlace" label={t("foundPlace")} required maxLength={100} error={errorOf("foundPlace")} />
      <div className="grid grid-cols-2 gap-x-3">
        <TextField register={register} name="foundOn" label={t("foundOn")} type="date" required error={errorOf("foundOn")} />
        <TextField register={register} name="foundTime" label={t("foundTime")} type="time" required error={errorOf("foundTime")} />
      </div>
      <TextField
        register={register}
        name="foundByName"
        label={t("foundBy")}
        hint={t("foundByHint")}
        required
        maxLength={50}
        error={errorOf("foundByName")}
      />
      <TextField register={register} name="keptAt" label={t("keptAt")} required maxLength={100} error={errorOf("keptAt")} />
      {siteId ? (
        <Controller
          control={control}
          name="photoFileIds"
          render={({ field }) => (
            <PhotoInput
              siteId={siteId}
              name="photoFileIds"
              label={t("photos")}
              max={MAX_PHOTOS}
              value={field.value ?? []}
              onChange={field.onChange}
              error={errorOf("photoFileIds")}
            />
          )}
        />
      ) : null}
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={formState.isSubmitting} label={t("register.submit")} />
      </div>
    </form>
  );
}
