"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Controller, type UseFormRegister } from "react-hook-form";
import { PhotoInput } from "@/components/files/photo-input";
import { CheckboxField, SelectField, TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import {
  createContractorAction,
  createContractorStaffAction,
  recordHealthCertificateAction,
  updateContractorAction,
  updateContractorStaffAction,
} from "@/lib/contractors/actions";
import {
  CONTRACTOR_KINDS,
  CreateContractorSchema,
  CreateStaffSchema,
  RecordCertificateSchema,
  UpdateContractorSchema,
  UpdateStaffSchema,
} from "@/lib/contractors/schema";
import { newRequestId } from "@/lib/request-id";

const grid = "grid gap-2 sm:grid-cols-3";

/** §10.1 / §11: register the cleaning or catering company of a site. */
export function CreateContractorForm({ sites }: { sites: { id: string; name: string }[] }) {
  const t = useTranslations("contractors");
  const router = useRouter();
  const empty = {
    siteId: sites[0]?.id ?? "",
    kind: "CLEANING" as const,
    name: "",
    contractStart: "",
    contractEnd: "",
    contactName: "",
    contactPhone: "",
  };
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: CreateContractorSchema,
    action: createContractorAction,
    defaultValues: empty,
    onSuccess: () => {
      form.reset({ ...empty, siteId: form.getValues("siteId") });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("addContractor")}>
      <div className={grid}>
        {sites.length > 1 ? (
          <SelectField
            register={form.register}
            name="siteId"
            idPrefix="new-c"
            label={t("site")}
            required
            options={sites.map((s) => ({ value: s.id, label: s.name }))}
            error={errorOf("siteId")}
          />
        ) : null}
        <SelectField
          register={form.register}
          name="kind"
          idPrefix="new-c"
          label={t("fields.kind")}
          required
          options={CONTRACTOR_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          error={errorOf("kind")}
        />
        <TextField
          register={form.register}
          name="name"
          idPrefix="new-c"
          label={t("fields.name")}
          required
          maxLength={60}
          error={errorOf("name")}
        />
        <TextField
          register={form.register}
          name="contractStart"
          idPrefix="new-c"
          type="date"
          label={t("fields.contractStart")}
          required
          error={errorOf("contractStart")}
        />
        <TextField
          register={form.register}
          name="contractEnd"
          idPrefix="new-c"
          type="date"
          label={t("fields.contractEnd")}
          required
          error={errorOf("contractEnd")}
        />
        <TextField
          register={form.register}
          name="contactName"
          idPrefix="new-c"
          label={t("fields.contactName")}
          required
          maxLength={50}
          error={errorOf("contactName")}
        />
        <TextField
          register={form.register}
          name="contactPhone"
          idPrefix="new-c"
          type="tel"
          label={t("fields.contactPhone")}
          required
          maxLength={20}
          error={errorOf("contactPhone")}
        />
      </div>
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("addContractor")} />
      </div>
    </form>
  );
}

export function EditContractorForm(props: {
  contractor: {
    id: string;
    version: number;
    name: string;
    contractStart: string;
    contractEnd: string;
    contactName: string;
    contactPhone: string;
    active: boolean;
  };
}) {
  const t = useTranslations("contractors");
  const router = useRouter();
  const c = props.contractor;
  const p = `c-${c.id}`;
  const { form, onSubmit, formError, stale, errorOf, busy } = useActionForm({
    schema: UpdateContractorSchema,
    action: updateContractorAction,
    defaultValues: { ...c },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={`${t("edit")} ${c.name}`}>
      <div className={grid}>
        <TextField
          register={form.register}
          name="name"
          idPrefix={p}
          label={t("fields.name")}
          required
          maxLength={60}
          error={errorOf("name")}
        />
        <TextField
          register={form.register}
          name="contractStart"
          idPrefix={p}
          type="date"
          label={t("fields.contractStart")}
          required
          error={errorOf("contractStart")}
        />
        <TextField
          register={form.register}
          name="contractEnd"
          idPrefix={p}
          type="date"
          label={t("fields.contractEnd")}
          required
          error={errorOf("contractEnd")}
        />
        <TextField
          register={form.register}
          name="contactName"
          idPrefix={p}
          label={t("fields.contactName")}
          required
          maxLength={50}
          error={errorOf("contactName")}
        />
        <TextField
          register={form.register}
          name="contactPhone"
          idPrefix={p}
          type="tel"
          label={t("fields.contactPhone")}
          required
          maxLength={20}
          error={errorOf("contactPhone")}
        />
      </div>
      <CheckboxField register={form.register} name="active" idPrefix={p} label={t("fields.active")} />
      <FormStatus error={formError} stale={stale} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("save")} />
      </div>
    </form>
  );
}

const staffEmpty = { name: "", post: "", workArea: "", workingHours: "", badgeNo: "", phone: "" };

type StaffFieldValues = {
  name: string;
  post: string;
  workArea?: string | null;
  workingHours?: string | null;
  badgeNo?: string | null;
  phone?: string | null;
};

/** The employee's fields, shared by the new and the edit form. */
function StaffFields<T extends StaffFieldValues>(props: {
  register: UseFormRegister<T>;
  errorOf: (n: string) => string | undefined;
  p: string;
}) {
  const t = useTranslations("contractors.fields");
  const { errorOf, p } = props;
  const register = props.register as unknown as UseFormRegister<StaffFieldValues>;
  return (
    <div className={grid}>
      <TextField register={register} name="name" idPrefix={p} label={t("staffName")} required maxLength={50} error={errorOf("name")} />
      <TextField register={register} name="post" idPrefix={p} label={t("post")} required maxLength={30} error={errorOf("post")} />
      <TextField register={register} name="workArea" idPrefix={p} label={t("workArea")} maxLength={60} error={errorOf("workArea")} />
      <TextField
        register={register}
        name="workingHours"
        idPrefix={p}
        label={t("workingHours")}
        placeholder="07:00-15:00"
        maxLength={30}
        error={errorOf("workingHours")}
      />
      <TextField register={register} name="badgeNo" idPrefix={p} label={t("badgeNo")} maxLength={30} error={errorOf("badgeNo")} />
      <TextField register={register} name="phone" idPrefix={p} type="tel" label={t("phone")} maxLength={20} error={errorOf("phone")} />
    </div>
  );
}

/** A contractor's employee, without an account (name, post, area, hours, 工作牌). */
export function CreateStaffForm({ contractorId }: { contractorId: string }) {
  const t = useTranslations("contractors");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: CreateStaffSchema,
    action: createContractorStaffAction,
    defaultValues: { contractorId, ...staffEmpty },
    onSuccess: () => {
      form.reset({ contractorId, ...staffEmpty });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={t("addStaff")}>
      <StaffFields register={form.register} errorOf={errorOf} p={`new-s-${contractorId}`} />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("addStaff")} />
      </div>
    </form>
  );
}

export function EditStaffForm(props: {
  staff: {
    id: string;
    version: number;
    name: string;
    post: string | null;
    workArea: string | null;
    workingHours: string | null;
    badgeNo: string | null;
    phone: string | null;
    active: boolean;
  };
}) {
  const t = useTranslations("contractors");
  const router = useRouter();
  const s = props.staff;
  const { form, onSubmit, formError, stale, errorOf, busy } = useActionForm({
    schema: UpdateStaffSchema,
    action: updateContractorStaffAction,
    defaultValues: {
      id: s.id,
      version: s.version,
      name: s.name,
      post: s.post ?? "",
      workArea: s.workArea ?? "",
      workingHours: s.workingHours ?? "",
      badgeNo: s.badgeNo ?? "",
      phone: s.phone ?? "",
      active: s.active,
    },
    onSuccess: () => router.refresh(),
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={`${t("edit")} ${s.name}`}>
      <StaffFields register={form.register} errorOf={errorOf} p={`s-${s.id}`} />
      <CheckboxField register={form.register} name="active" idPrefix={`s-${s.id}`} label={t("active")} />
      <FormStatus error={formError} stale={stale} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={t("save")} />
      </div>
    </form>
  );
}

/** 健康证 of a catering employee (§11.3(4)): number, dates, photo; a renewal records the new one. */
export function CertificateForm({ staffId, siteId, renew }: { staffId: string; siteId: string; renew: boolean }) {
  const t = useTranslations("contractors.certificates");
  const router = useRouter();
  const [requestId, setRequestId] = useState(newRequestId);
  const p = `cert-${staffId}`;
  const empty = { staffId, number: "", issuedOn: "", expiresOn: "", photoFileIds: [] as string[] };
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: RecordCertificateSchema,
    action: recordHealthCertificateAction,
    defaultValues: { requestId, ...empty },
    onSuccess: () => {
      const next = newRequestId();
      setRequestId(next);
      form.reset({ requestId: next, ...empty });
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-2" aria-label={renew ? t("renew") : t("record")}>
      <div className={grid}>
        <TextField
          register={form.register}
          name="number"
          idPrefix={p}
          label={t("number")}
          required
          maxLength={40}
          error={errorOf("number")}
        />
        <TextField
          register={form.register}
          name="issuedOn"
          idPrefix={p}
          type="date"
          label={t("issuedOn")}
          required
          error={errorOf("issuedOn")}
        />
        <TextField
          register={form.register}
          name="expiresOn"
          idPrefix={p}
          type="date"
          label={t("expiresOn")}
          required
          error={errorOf("expiresOn")}
        />
      </div>
      <Controller
        control={form.control}
        name="photoFileIds"
        render={({ field }) => (
          <PhotoInput
            siteId={siteId}
            name={`${p}-photoFileIds`}
            label={t("photo")}
            max={2}
            value={field.value ?? []}
            onChange={field.onChange}
            error={errorOf("photoFileIds")}
          />
        )}
      />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <SubmitButton busy={busy} pending={form.formState.isSubmitting} label={renew ? t("renew") : t("record")} />
      </div>
    </form>
  );
}
