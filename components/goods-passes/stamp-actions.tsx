"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { controlProps, Field, inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { useHydrated } from "@/components/ui/use-hydrated";
import { approveGoodsPassAction, rejectGoodsPassAction } from "@/lib/goods-passes/actions";

const MAX_REASON = 500;

/**
 * 盖章确认 or 驳回 of a pending pass (R-GP-3), for supervisors and managers on the pass's page.
 * Both steps are pending-safe; the server refuses a second one anyway.
 */
export function StampActions({ passId, state }: { passId: string; state: string }) {
  const t = useTranslations("gate.stamp");
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // After a step the page refreshes with the new state: only the outcome line stays.
  if (state !== "PENDING") return message ? <FormStatus message={message} /> : null;
  const busy = !hydrated || pending;

  const approve = () =>
    start(async () => {
      setError(null);
      const result = await approveGoodsPassAction({ passId });
      if (result.ok) setMessage(result.message ?? null);
      else setError(result.message);
      router.refresh();
    });

  const reject = () => {
    const trimmed = reason.trim();
    if (!trimmed) return setReasonError(t("reasonRequired"));
    if (trimmed.length > MAX_REASON) return setReasonError(t("reasonTooLong"));
    setReasonError(null);
    start(async () => {
      setError(null);
      const result = await rejectGoodsPassAction({ passId, reason: trimmed });
      if (result.ok) setMessage(result.message ?? null);
      else {
        setError(result.message);
        setReasonError(result.fieldErrors?.reason ?? null);
      }
      router.refresh();
    });
  };

  return (
    <section className="flex flex-col gap-3" aria-label={t("approve")} data-testid="stamp-actions">
      <div className="flex flex-wrap gap-2">
        <Button type="button" disabled={busy} aria-busy={pending} onClick={approve}>
          {t("approve")}
        </Button>
        {rejecting ? null : (
          <Button type="button" variant="secondary" disabled={busy} onClick={() => setRejecting(true)}>
            {t("reject")}
          </Button>
        )}
      </div>
      {rejecting ? (
        <form
          className="flex flex-col gap-2"
          noValidate
          aria-label={t("reject")}
          onSubmit={(e) => {
            e.preventDefault();
            reject();
          }}
        >
          <Field id="f-reject-reason" label={t("rejectReason")} hint={t("rejectReasonHint")} error={reasonError ?? undefined} required>
            <textarea
              {...controlProps("f-reject-reason", reasonError ?? undefined)}
              className={inputClass}
              rows={2}
              maxLength={MAX_REASON}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Field>
          <div className="flex gap-2">
            <Button type="submit" variant="danger" disabled={busy}>
              {t("confirmReject")}
            </Button>
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setRejecting(false)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      ) : null}
      <FormStatus error={error} message={message} />
    </section>
  );
}
