/** A month filter ('YYYY-MM', the site's month) for FilterBar; no later than the current month. */
export function MonthFilter(props: { name: string; label: string; value: string; max: string }) {
  return (
    <label className="flex flex-col text-xs text-slate-600">
      {props.label}
      <input
        type="month"
        name={props.name}
        defaultValue={props.value}
        max={props.max}
        className="mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
      />
    </label>
  );
}
