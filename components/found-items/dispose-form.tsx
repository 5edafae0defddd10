"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { disposeFoundItemAction } from "@/lib/found-items/actions";
import { DisposeFoundItemSchema } from "@/lib/found-items/schema";

/** R-LOST-1: an item kept past its period and never claimed is disposed of before a witness. */
export function DisposeFoundItemForm(props: { itemId: string }) {
  const t = useTranslations("foundItems");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: DisposeFoundItemSchema,
    action: disposeFoundItemAction,
    defaultValues: { itemId: props.itemId, method: "", witnessName: "", note: "" },
    onSuccess: () => router.refresh(),
  });
  const { register, formState } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("dispose.title")}>
      <TextField
        register={register}
        idPrefix="dispose"
        name="method"
        label={t("dispose.method")}
        hint={t("dispose.methodHint")}
        required
        maxLength={100}
        error={errorOf("method")}
      />
      <TextField
        register={register}
        idPrefix="dispose"
        name="witnessName"
        label={t("dispose.witness")}
        hint={t("dispose.witnessHint")}
        required
        maxLength={50}
        error={errorOf("witnessName")}
      />
      <TextField register={register} idPrefix="dispose" name="note" label={t("dispose.note")} maxLength={300} error={errorOf("note")} />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={formState.isSubmitting} label={t("dispose.submit")} />
      </div>
    </form>
  );
}
