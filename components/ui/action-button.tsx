"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionResult } from "@/lib/action";

/**
 * A one-tap step (verify, start, close …): disabled until hydrated and while on its way, so a double
 * tap sends once; shows the server's refusal under the button and refreshes the record after.
 * Server components pass the server action and its (serializable) input.
 */
export function ActionButton(props: {
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  input: Record<string, unknown>;
  label: string;
  /** Full-width, tall button on phones (a thumb's target). */
  wide?: boolean;
}) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button
          type="button"
          className={props.wide ? "min-h-12 w-full sm:w-auto" : ""}
          disabled={!hydrated || pending}
          aria-busy={pending}
          onClick={() =>
            start(async () => {
              const result = await props.action(props.input);
              setError(result.ok ? null : result.message);
              router.refresh();
            })
          }
        >
          {props.label}
        </Button>
      </div>
      <FormStatus error={error} />
    </div>
  );
}
