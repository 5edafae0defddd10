import { getTranslations } from "next-intl/server";

const inputClass = "mt-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

/**
 * R-MTG-4 archive download: a plain GET form to the export route, so it works without JavaScript and
 * the browser saves the file. The route checks meeting:export and the site again.
 */
export async function ArchiveExportForm(props: { siteId: string; series: { id: string; name: string }[]; from: string; to: string }) {
  const t = await getTranslations("meetingReports.export");
  return (
    <form
      method="get"
      action="/meetings/compliance/export/archive"
      className="flex flex-wrap items-end gap-2"
      aria-describedby="archive-hint"
    >
      <input type="hidden" name="site" value={props.siteId} />
      <label className="flex flex-col text-xs text-slate-600">
        {t("series")}
        <select name="series" defaultValue="" className={inputClass}>
          <option value="">{t("allSeries")}</option>
          {props.series.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-xs text-slate-600">
        {t("from")}
        <input type="date" name="from" defaultValue={props.from} required className={inputClass} />
      </label>
      <label className="flex flex-col text-xs text-slate-600">
        {t("to")}
        <input type="date" name="to" defaultValue={props.to} required className={inputClass} />
      </label>
      <button type="submit" className="min-h-11 rounded-md border border-slate-300 bg-white px-4 text-sm font-medium hover:bg-slate-50">
        {t("archive")}
      </button>
      <p id="archive-hint" className="w-full text-xs text-slate-500">
        {t("archiveHint")}
      </p>
    </form>
  );
}
