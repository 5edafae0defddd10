"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action";

type Action = (input: unknown) => Promise<ActionResult<unknown>>;

/**
 * One server step of the newspaper day (receipt, hand-over, deliver, hold, pick-up, close): busy while on
 * its way (one tap saves once), refusal message and field errors kept for the form, page refreshed after.
 */
export function useStep(action: Action, onSuccess?: (message?: string) => void) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const run = (input: unknown) =>
    start(async () => {
      setError(null);
      setFieldErrors({});
      const result = await action(input);
      if (!result.ok) {
        setError(result.message);
        setFieldErrors(result.fieldErrors ?? {});
        if (result.code !== "conflict") return;
      } else onSuccess?.(result.message);
      router.refresh();
    });
  return { run, pending, error, fieldErrors };
}
