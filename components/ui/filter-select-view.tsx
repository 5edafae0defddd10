"use client";

/**
 * The `<select>` of a filter bar (filter-bar.tsx FilterSelect), written here from its options as plain
 * pairs: as server-rendered `<option>` elements each option travelled in the page's RSC payload as an
 * element with its value twice (key and value), and a long list (a front desk's 238 tenants) was split by
 * React into one payload row per option, 27 KB of a 147 KB page; as pairs it is 11 KB. The HTML is the same.
 */
export function FilterSelectView(props: {
  name: string;
  label: string;
  value?: string;
  /** The first option's text, meaning no filter ("全部"); without it a choice is required. */
  all?: string;
  /** [value, label] of each choice, in order. */
  options: [string, string][];
}) {
  return (
    <label className="filter-label">
      {props.label}
      <select name={props.name} defaultValue={props.value ?? ""} className="filter-control">
        {props.all !== undefined ? <option value="">{props.all}</option> : null}
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </label>
  );
}
