"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionResult } from "@/lib/action";

/** Revokes a signatory after a confirmation; the list reloads with the new status. */
export function RevokeSignatoryButton(props: {
  signatoryId: string;
  name: string;
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
}) {
  const t = useTranslations("signatories");
  const router = useRouter();
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    if (!window.confirm(t("revokeConfirm", { name: props.name }))) return;
    setBusy(true);
    setError(null);
    const result = await props.action({ signatoryId: props.signatoryId });
    setBusy(false);
    if (!result.ok) setError(result.message);
    else router.refresh();
  }

  return (
    <span className="flex flex-col gap-1">
      <Button type="button" variant="danger" className="min-h-8 px-3 py-1 text-xs" disabled={!hydrated || busy} onClick={revoke}>
        {t("revoke")}
      </Button>
      <span className="text-xs text-red-600" aria-live="polite">
        {error ?? ""}
      </span>
    </span>
  );
}
