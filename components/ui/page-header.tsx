import type { ReactNode } from "react";

export function PageHeader(props: { title: string; actions?: ReactNode; subtitle?: string }) {
  return (
    <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">{props.title}</h1>
        {props.subtitle ? <p className="text-sm text-slate-500">{props.subtitle}</p> : null}
      </div>
      {props.actions ? <div className="flex gap-2">{props.actions}</div> : null}
    </div>
  );
}
