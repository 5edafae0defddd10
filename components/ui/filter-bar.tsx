import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { FilterSelectView } from "./filter-select-view";

/** A GET form: filters live in the URL, so lists are shareable and filtered in SQL on the server. */
export async function FilterBar(props: { q?: string; qLabel: string; children?: ReactNode }) {
  const t = await getTranslations("common");
  return (
    <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2">
      <label className="filter-label">
        {props.qLabel}
        <input
          name="q"
          defaultValue={props.q ?? ""}
          maxLength={100}
          className="mt-1 min-h-11 w-56 max-w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
        />
      </label>
      {props.children}
      <button type="submit" className={SUBMIT_CLASS}>
        {t("search")}
      </button>
    </form>
  );
}

const SUBMIT_CLASS = "min-h-11 min-w-11 rounded-md border border-slate-300 bg-white px-4 text-sm hover:bg-slate-50";

/**
 * A GET form choosing one of the user's sites: the pages that show a user of many sites one line per site
 * until a site is chosen (lib/many-sites.ts), where there is nothing else to filter.
 */
export async function SiteChooser(props: { label: string; value?: string; sites: { id: string; name: string }[] }) {
  const t = await getTranslations("common");
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-2">
      <FilterSelect
        name="site"
        label={props.label}
        value={props.value}
        options={props.sites.map((s) => ({ value: s.id, label: s.name }))}
      />
      <button type="submit" className={SUBMIT_CLASS}>
        {t("search")}
      </button>
    </form>
  );
}

/** A choice among `options`, or none ("全部"): the select is written by FilterSelectView from plain pairs. */
export async function FilterSelect(props: { name: string; label: string; value?: string; options: { value: string; label: string }[] }) {
  const t = await getTranslations("common");
  return (
    <FilterSelectView
      name={props.name}
      label={props.label}
      value={props.value}
      all={t("all")}
      options={props.options.map((o) => [o.value, o.label])}
    />
  );
}

/** A date filter (a local date of the site, 'YYYY-MM-DD'), for FilterBar. */
export function FilterDate(props: { name: string; label: string; value?: string }) {
  return (
    <label className="filter-label">
      {props.label}
      <input type="date" name={props.name} defaultValue={props.value ?? ""} className="filter-control" />
    </label>
  );
}
