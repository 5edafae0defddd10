"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field, controlProps, inputClass } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { saveLoadingRouteAction } from "@/lib/goods-settings/actions";
import { SaveLoadingRouteSchema } from "@/lib/goods-settings/schema";

const DEFAULT_OPENS_AT = "07:00";
const DEFAULT_CLOSES_AT = "22:00";

/**
 * R-GP-5: one loading route of a site — a new one (no `route`) or renaming / (de)activating one.
 * Field ids carry the route's id (the shared TextField derives ids from the field name only, and
 * this page holds one form per route).
 */
export function LoadingRouteForm(props: {
  siteId: string;
  route?: { id: string; version: number; name: string; active: boolean; opensAt: string; closesAt: string };
}) {
  const router = useRouter();
  const [planned, setPlanned] = useState(0);
  const { form, onSubmit, formError, formMessage, stale, errorOf, busy, t } = useActionForm({
    schema: SaveLoadingRouteSchema,
    action: saveLoadingRouteAction,
    defaultValues: {
      siteId: props.siteId,
      id: props.route?.id ?? "",
      version: props.route?.version,
      name: props.route?.name ?? "",
      active: props.route?.active ?? true,
      opensAt: props.route?.opensAt ?? DEFAULT_OPENS_AT,
      closesAt: props.route?.closesAt ?? DEFAULT_CLOSES_AT,
    },
    onSuccess: (data) => {
      setPlanned(data.plannedPasses);
      if (!props.route)
        form.reset({ siteId: props.siteId, id: "", name: "", active: true, opensAt: DEFAULT_OPENS_AT, closesAt: DEFAULT_CLOSES_AT });
      router.refresh();
    },
  });
  const { register, formState } = form;
  const key = `route-${props.route?.id ?? `new-${props.siteId}`}`;
  return (
    <form
      onSubmit={onSubmit}
      className="flex flex-col gap-1"
      noValidate
      aria-label={props.route ? props.route.name : t("goodsSettings.routes.add")}
    >
      <div className="flex flex-wrap items-start gap-3">
        <div className="w-56">
          <Field
            id={`${key}-name`}
            label={props.route ? t("goodsSettings.routes.name") : t("goodsSettings.routes.add")}
            required
            error={errorOf("name")}
          >
            <input
              {...controlProps(`${key}-name`, errorOf("name"))}
              className={inputClass}
              maxLength={50}
              autoComplete="off"
              {...register("name")}
            />
          </Field>
        </div>
        {(["opensAt", "closesAt"] as const).map((name) => (
          <div key={name} className="w-28">
            <Field id={`${key}-${name}`} label={t(`goodsSettings.routes.${name}`)} required error={errorOf(name)}>
              {/* Text, not type="time": a route open until midnight closes at "24:00". */}
              <input
                {...controlProps(`${key}-${name}`, errorOf(name))}
                className={inputClass}
                inputMode="numeric"
                placeholder="HH:mm"
                maxLength={5}
                autoComplete="off"
                {...register(name)}
              />
            </Field>
          </div>
        ))}
        <label htmlFor={`${key}-active`} className="mt-6 flex min-h-11 items-center gap-2 text-sm">
          <input id={`${key}-active`} type="checkbox" className="h-5 w-5" {...register("active")} />
          {t("goodsSettings.routes.active")}
        </label>
        <div className="pt-6">
          <SubmitButton busy={busy} pending={formState.isSubmitting} label={props.route ? undefined : t("common.add")} />
        </div>
      </div>
      <FormStatus
        error={formError}
        stale={stale}
        message={formMessage && planned > 0 ? `${formMessage}。${t("goodsSettings.routes.planned", { count: planned })}` : formMessage}
      />
    </form>
  );
}
