"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionResult } from "@/lib/action";

/** One button (plus an optional note) that calls one action and refreshes the page; errors show under the note. */
export function useStep() {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const run = (call: () => Promise<ActionResult<unknown>>) =>
    start(async () => {
      setError(null);
      const result = await call();
      if (!result.ok) {
        setError(result.message);
        setFieldErrors(result.fieldErrors ?? {});
      } else setFieldErrors({});
      router.refresh();
    });
  return { run, busy: !hydrated || pending, pending, error, fieldErrors };
}
