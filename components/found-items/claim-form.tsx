"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { SignaturePad } from "@/components/files/signature-pad";
import { SelectField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { claimFoundItemAction } from "@/lib/found-items/actions";
import { ClaimFoundItemSchema, ID_DOCUMENT_TYPES } from "@/lib/found-items/schema";

/**
 * The owner's claim (R-LOST-1): the staff member checks an identity document and notes only its type
 * and last four characters (§1.9), the owner signs on the screen, and the item is released. Without a
 * signature the server refuses and the message shows under the pad.
 */
export function ClaimFoundItemForm(props: { itemId: string; siteId: string }) {
  const t = useTranslations("foundItems");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: ClaimFoundItemSchema,
    action: claimFoundItemAction,
    defaultValues: { itemId: props.itemId, claimantName: "", idType: "ID_CARD", idLast4: "", signatureFileId: "" },
    onSuccess: () => router.refresh(),
  });
  const { register, setValue, formState } = form;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("claim.title")}>
      <TextField register={register} name="claimantName" label={t("claim.name")} required maxLength={50} error={errorOf("claimantName")} />
      <div className="grid grid-cols-2 gap-x-3">
        <SelectField
          register={register}
          name="idType"
          label={t("claim.idType")}
          required
          options={ID_DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`idTypes.${type}`) }))}
          error={errorOf("idType")}
        />
        <TextField
          register={register}
          name="idLast4"
          label={t("claim.idLast4")}
          hint={t("claim.idLast4Hint")}
          required
          inputMode="text"
          autoComplete="off"
          maxLength={4}
          error={errorOf("idLast4")}
        />
      </div>
      <SignaturePad
        siteId={props.siteId}
        id="claim-signature"
        label={t("claim.signature")}
        error={errorOf("signatureFileId")}
        onChange={(fileId) => setValue("signatureFileId", fileId ?? "", { shouldValidate: formState.isSubmitted })}
      />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={formState.isSubmitting} label={t("claim.submit")} />
      </div>
    </form>
  );
}
