"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import type { ActionResult } from "@/lib/action";

export function DeleteOverrideButton(props: {
  id: string;
  label: string;
  action: (input: unknown) => Promise<ActionResult<{ id: string }>>;
}) {
  const t = useTranslations("common");
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <button
      type="button"
      disabled={pending}
      aria-label={`${t("remove")} ${props.label}`}
      className="rounded-md border border-slate-300 px-2 py-1 text-xs hover:bg-slate-50 disabled:opacity-50"
      onClick={() =>
        start(async () => {
          await props.action({ id: props.id });
          router.refresh();
        })
      }
    >
      {t("remove")}
    </button>
  );
}
