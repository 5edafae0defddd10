"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { PhotoInput } from "@/components/files/photo-input";
import { useStep } from "@/components/newspapers/use-step";
import { Field, controlProps, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { reportCleaningDamageAction } from "@/lib/cleaning-supervision/actions";
import { newRequestId } from "@/lib/request-id";

/** §10.9: damage found on a patrol becomes an engineering work order in one step. */
export function DamageForm({ siteId, areas }: { siteId: string; areas: { id: string; name: string }[] }) {
  const t = useTranslations("cleaningSupervision");
  const hydrated = useHydrated();
  const [requestId, setRequestId] = useState(newRequestId);
  const [areaId, setAreaId] = useState("");
  const [description, setDescription] = useState("");
  const [photos, setPhotos] = useState<string[]>([]);
  const run = useStep(reportCleaningDamageAction, () => {
    setDescription("");
    setPhotos([]);
    setRequestId(newRequestId());
  });
  return (
    <form
      noValidate
      aria-label={t("damage.heading")}
      className="flex flex-col gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        run.run({ requestId, siteId, areaId, description, photoFileIds: photos });
      }}
    >
      <Field id="f-dmg-areaId" label={t("damage.area")} required error={run.fieldErrors.areaId}>
        <select
          {...controlProps("f-dmg-areaId", run.fieldErrors.areaId)}
          className={inputClass}
          value={areaId}
          onChange={(e) => setAreaId(e.target.value)}
        >
          <option value="">{t("opinion.choose")}</option>
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="f-dmg-description" label={t("damage.description")} required error={run.fieldErrors.description}>
        <textarea
          {...controlProps("f-dmg-description", run.fieldErrors.description)}
          className={inputClass}
          rows={2}
          maxLength={900}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </Field>
      <PhotoInput
        siteId={siteId}
        name="photoFileIds"
        label={t("damage.photos")}
        value={photos}
        onChange={setPhotos}
        error={run.fieldErrors.photoFileIds}
      />
      <div>
        <SubmitButton busy={!hydrated || run.pending} pending={run.pending} label={t("damage.save")} />
      </div>
      <FormStatus error={run.error} />
    </form>
  );
}
