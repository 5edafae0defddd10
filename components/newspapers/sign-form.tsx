"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { SignaturePad } from "@/components/files/lazy-widgets";
import { Button } from "@/components/ui/button";
import { Field, controlProps, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * A name and a signature drawn on the phone (R-NEWS-3): used when the tenant signs for the paper and
 * when a held paper is picked up. The server refuses a step without a signature; its message shows here.
 */
export function SignForm(props: {
  siteId: string;
  padId: string;
  nameField: "recipientName" | "pickupName";
  nameLabel: string;
  signatureLabel: string;
  confirmLabel: string;
  pending: boolean;
  error: string | null;
  fieldErrors: Record<string, string>;
  onSubmit: (name: string, signatureFileId: string) => void;
  onCancel: () => void;
}) {
  const t = useTranslations("newspapers");
  const hydrated = useHydrated();
  const [name, setName] = useState("");
  const [signatureFileId, setSignatureFileId] = useState("");
  const nameId = `f-${props.nameField}`;
  const nameError = props.fieldErrors[props.nameField];
  return (
    <form
      noValidate
      className="mt-2 flex flex-col gap-2 rounded-md border border-sky-200 bg-sky-50/50 p-3"
      aria-label={props.confirmLabel}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit(name, signatureFileId);
      }}
    >
      <Field id={nameId} label={props.nameLabel} required error={nameError}>
        <input
          {...controlProps(nameId, nameError)}
          className={inputClass}
          maxLength={50}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <div>
        <SignaturePad
          id={props.padId}
          siteId={props.siteId}
          label={props.signatureLabel}
          onChange={(fileId) => setSignatureFileId(fileId ?? "")}
        />
        <p id="f-signatureFileId-error" className="min-h-4 text-xs text-red-600" aria-live="polite">
          {props.fieldErrors.signatureFileId ?? ""}
        </p>
      </div>
      <FormStatus error={props.error} />
      <div className="flex gap-2">
        <Button type="submit" disabled={!hydrated || props.pending} aria-busy={props.pending}>
          {props.confirmLabel}
        </Button>
        <Button type="button" variant="secondary" onClick={props.onCancel}>
          {t("delivery.cancel")}
        </Button>
      </div>
    </form>
  );
}
