"use client";

import { useTranslations } from "next-intl";
import { Button } from "./button";

/** The forms' save button: disabled until hydrated and while saving, so one tap saves once. */
export function SubmitButton({ busy, pending, label }: { busy: boolean; pending: boolean; label?: string }) {
  const t = useTranslations("common");
  return (
    <Button type="submit" disabled={busy} aria-busy={pending}>
      {pending ? t("saving") : (label ?? t("save"))}
    </Button>
  );
}
