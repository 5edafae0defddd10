import type { ReactNode } from "react";

/**
 * A record shown to someone who may read it but not edit it: label and value pairs, two columns from
 * the `sm` breakpoint, one on a phone.
 */
export function RecordFacts({ facts }: { facts: { label: string; value: ReactNode }[] }) {
  return (
    <dl className="grid max-w-3xl grid-cols-1 gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2">
      {facts.map((f) => (
        <div key={f.label} className="min-w-0">
          <dt className="text-xs text-slate-600">{f.label}</dt>
          <dd className="break-words text-slate-900">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
