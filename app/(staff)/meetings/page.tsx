import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { LeaveDecisionButtons } from "@/components/meetings/leave-decision-buttons";
import { MeetingsTable } from "@/components/meetings/meetings-table";
import { FilterSelect } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/guard";
import { listMeetings, pendingLeaveDecisions, seriesOverview } from "@/lib/meetings/queries";
import { seriesCardsOf } from "@/lib/meetings/rules";
import { pageRequest, param } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** §3.4 weekly meetings: the user's series and their next slot, leave waiting for them, the meetings they may see. */
async function MeetingsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("meeting:read");
  const sp = await searchParams;
  const series = param(sp.series, 50);
  const site = param(sp.site, 50);
  const [t, overview, leave, list] = await Promise.all([
    getTranslations("meetings"),
    seriesOverview(),
    roleHas(actor.role, "meeting:leave:decide") ? pendingLeaveDecisions() : Promise.resolve([]),
    listMeetings({ series, site }, pageRequest(sp.page)),
  ]);
  // Many sites (lib/many-sites.ts): the series of the chosen site, not fifty sites' cards.
  const { sites, eachSite, shown } = seriesCardsOf(overview, site);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />

      <section aria-labelledby="series-title" className="flex flex-col gap-2">
        <h2 id="series-title" className="text-base font-semibold text-slate-900">
          {t("series.title")}
        </h2>
        {eachSite ? null : <p className="text-sm text-slate-600">{t("series.chooseSite", { count: sites.length })}</p>}
        <ul className="grid gap-3 md:grid-cols-3">
          {shown.map((s) => (
            <li
              key={s.id}
              className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm"
              data-testid={`series-${s.kind}`}
            >
              <p className="font-medium">
                {s.name}
                <span className="ml-1 text-xs text-slate-500">{s.siteName}</span>
              </p>
              <p className="text-xs text-slate-600">
                {t("series.next", { date: s.nextDate, weekday: t(`weekdays.${s.weekday}`), time: s.startTime, place: s.place })}
              </p>
              {s.canSchedule && roleHas(actor.role, "meeting:schedule") ? (
                <Link href={`/meetings/new?series=${s.id}`} className="text-sky-700 underline">
                  {t("schedule.title")}
                </Link>
              ) : null}
              {s.canManage && roleHas(actor.role, "meeting:series:manage") ? (
                <Link href={`/meetings/series/${s.id}`} className="text-xs text-sky-700 underline">
                  {t("series.manage")}
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {leave.length > 0 ? (
        <section aria-labelledby="leave-title" className="flex flex-col gap-2">
          <h2 id="leave-title" className="text-base font-semibold text-slate-900">
            {t("leave.pendingTitle")}
          </h2>
          <ul className="flex flex-col gap-2">
            {leave.map((l) => (
              <li key={l.id} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
                <p>
                  <Link href={`/meetings/${l.meetingId}`} className="text-sky-700 underline">
                    {l.seriesName} · {l.date}
                  </Link>
                  ：{l.name}（{l.reason}）
                </p>
                <LeaveDecisionButtons leaveRequestId={l.id} name={l.name} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="list-title" className="flex flex-col gap-2">
        <h2 id="list-title" className="text-base font-semibold text-slate-900">
          {t("list.title")}
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-2">
          {sites.length > 1 ? <FilterSelect name="site" label={t("list.site")} value={site} options={sites} /> : null}
          <FilterSelect
            name="series"
            label={t("list.series")}
            value={series}
            options={(eachSite ? overview : shown).map((s) => ({ value: s.id, label: `${s.name}（${s.siteName}）` }))}
          />
          <button type="submit" className="min-h-11 rounded-md border border-slate-300 bg-white px-4 text-sm hover:bg-slate-50">
            {t("list.filter")}
          </button>
        </form>
        <MeetingsTable
          caption={t("list.title")}
          empty={t("list.empty")}
          headers={{
            when: t("fields.date"),
            series: t("list.series"),
            state: t("list.state"),
            place: t("fields.place"),
            site: t("list.site"),
          }}
          lines={list.rows.map((r) => ({
            id: r.id,
            when: `${r.date} ${r.time}`,
            seriesName: r.seriesName,
            siteName: r.siteName,
            state: t(`states.${r.state}`),
            place: r.place,
          }))}
        />
        <Pagination page={list.page} pageCount={list.pageCount} total={list.total} capped={list.capped} searchParams={{ series, site }} />
      </section>
    </div>
  );
}

export default MeetingsPage;
