import { getTranslations } from "next-intl/server";

/**
 * A GET form choosing the month ('YYYY-MM') of a contractors page; the list is read for it on the server.
 * `site` keeps a chosen site across the change (a user of many sites sees one line per site without it).
 */
export async function MonthForm(props: { label: string; value: string; site?: string }) {
  const t = await getTranslations("common");
  return (
    <form method="get" role="search" className="flex flex-wrap items-end gap-2">
      {props.site ? <input type="hidden" name="site" value={props.site} /> : null}
      <label className="flex flex-col text-xs text-slate-600">
        {props.label}
        <input
          type="month"
          name="month"
          defaultValue={props.value}
          className="mt-1 min-h-11 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        />
      </label>
      <button type="submit" className="min-h-11 min-w-11 rounded-md border border-slate-300 bg-white px-4 text-sm hover:bg-slate-50">
        {t("search")}
      </button>
    </form>
  );
}
