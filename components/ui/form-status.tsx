"use client";

import { useTranslations } from "next-intl";

/**
 * The form-level outcome line (success or refusal), announced politely to screen readers. A stale edit
 * (the record changed since the form was loaded) also offers to reload the page with the current record.
 */
export function FormStatus({ error, message, stale }: { error?: string | null; message?: string | null; stale?: boolean }) {
  const t = useTranslations("errors");
  if (!error && !message) return <p className="sr-only" aria-live="polite" />;
  return (
    <div
      aria-live="polite"
      data-testid="form-status"
      className={`flex flex-wrap items-center gap-3 rounded-md px-3 py-2 text-sm ${error ? "bg-red-50 text-red-700" : "bg-emerald-50 text-emerald-800"}`}
    >
      <span>{error ?? message}</span>
      {error && stale ? (
        <button
          type="button"
          onClick={() => window.location.reload()}
          className="rounded-md border border-red-300 bg-white px-2 py-1 font-medium text-red-700 hover:bg-red-100"
        >
          {t("reload")}
        </button>
      ) : null}
    </div>
  );
}
