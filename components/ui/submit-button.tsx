"use client";

import { useTranslations } from "next-intl";
import { Button } from "./button";

/** The forms' save button: disabled until hydrated and while saving, so one tap saves once. */
export function SubmitButton({
  busy,
  pending,
  label,
  variant,
}: {
  busy: boolean;
  pending: boolean;
  label?: string;
  variant?: "primary" | "secondary" | "danger";
}) {
  const t = useTranslations("common");
  return (
    <Button type="submit" variant={variant} disabled={busy} aria-busy={pending}>
      {pending ? t("saving") : (label ?? t("save"))}
    </Button>
  );
}
