/** The form-level outcome line (success or refusal), announced politely to screen readers. */
export function FormStatus({ error, message }: { error?: string | null; message?: string | null }) {
  if (!error && !message) return <p className="sr-only" aria-live="polite" />;
  return (
    <p
      aria-live="polite"
      data-testid="form-status"
      className={`rounded-md px-3 py-2 text-sm ${error ? "bg-red-50 text-red-700" : "bg-emerald-50 text-emerald-800"}`}
    >
      {error ?? message}
    </p>
  );
}
