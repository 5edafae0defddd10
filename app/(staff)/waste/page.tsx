import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { PhotoStrip } from "@/components/complaints/photo-strip";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { StreamStateBadge } from "@/components/waste/stream-badge";
import { requirePagePermission } from "@/lib/auth/guard";
import { pageRequest, param } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";
import { sitesOf } from "@/lib/registry/site.queries";
import { listClearances, wasteOverview } from "@/lib/waste/queries";
import { streamsToList } from "@/lib/waste/rules";
import { WASTE_STREAMS } from "@/lib/waste/schema";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * §12, §13: each site's waste streams — who answers for them, their clearance period and whether one is
 * overdue (R-WST-1/2) — and the clearance log with late clearances marked (R-WST-3).
 */
export default async function WastePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("waste:read");
  const sp = await searchParams;
  const filter = { site: param(sp.site), stream: param(sp.stream), q: param(sp.q) };
  const [t, streams, log, sites] = await Promise.all([
    getTranslations("waste"),
    wasteOverview(filter),
    listClearances(filter, pageRequest(sp.page)),
    sitesOf(actor),
  ]);
  const tAll = await getTranslations();
  const records = roleHas(actor.role, "waste:record");
  const overdue = streams.filter((s) => s.state === "OVERDUE").length;
  // Many sites and none chosen: only the streams that need someone today (lib/many-sites.ts).
  const { sitesInView, shown } = streamsToList(streams);
  return (
    <>
      <PageHeader
        title={t("title")}
        subtitle={t("subtitle")}
        actions={
          <div className="flex flex-wrap gap-2">
            {records ? <ButtonLink href="/waste/record">{t("clearance.title")}</ButtonLink> : null}
            {roleHas(actor.role, "waste:manage") ? (
              <ButtonLink href="/waste/setup" variant="secondary">
                {t("setup.title")}
              </ButtonLink>
            ) : null}
          </div>
        }
      />
      <FilterBar q={filter.q} qLabel={t("search")}>
        {sites.length > 1 ? (
          <FilterSelect name="site" label={t("site")} value={filter.site} options={sites.map((s) => ({ value: s.id, label: s.name }))} />
        ) : null}
        <FilterSelect
          name="stream"
          label={t("stream")}
          value={filter.stream}
          options={WASTE_STREAMS.map((s) => ({ value: s, label: t(`streams.${s}`) }))}
        />
      </FilterBar>

      <section aria-labelledby="streams" className="mb-4">
        <h2 id="streams" className="mb-2 font-medium">
          {t("streamsTitle")}
        </h2>
        {overdue > 0 ? (
          <p className="mb-2 text-sm font-medium text-red-800" role="status">
            {t("overdueCount", { count: overdue })}
          </p>
        ) : null}
        {shown.length < streams.length ? (
          <p className="mb-2 text-sm text-slate-600" data-testid="streams-attention-only">
            {t("attentionOnly", { sites: sitesInView, shown: shown.length, others: streams.length - shown.length })}
          </p>
        ) : null}
        <DataTable
          notRecords="figures"
          caption={t("streamsTitle")}
          rows={shown}
          rowKey={(s) => `${s.siteId}-${s.stream}`}
          empty={tAll("common.empty")}
          columns={[
            ...(sites.length > 1 ? [{ header: t("site"), cell: (s: (typeof streams)[number]) => s.siteName }] : []),
            { header: t("stream"), cell: (s) => t(`streams.${s.stream}`) },
            {
              header: t("responsible"),
              cell: (s) => `${t(`responsibles.${s.responsible}`)}${s.responsibleName ? `（${s.responsibleName}）` : ""}`,
            },
            { header: t("clearanceDays"), cell: (s) => t("everyDays", { days: s.clearanceDays }), wide: true },
            { header: t("lastCleared"), cell: (s) => s.lastClearedOn ?? t("never") },
            { header: t("dueOn"), cell: (s) => s.dueOn ?? "—" },
            {
              header: t("state"),
              cell: (s) => (
                <span className="flex flex-wrap items-center gap-2" data-testid={`stream-${s.stream}`}>
                  <StreamStateBadge
                    state={s.state}
                    label={s.state === "OVERDUE" ? t("states.OVERDUE_DAYS", { days: s.daysOverdue }) : t(`states.${s.state}`)}
                  />
                  {records && s.state !== "NOT_IN_USE" ? (
                    <Link href={`/waste/record?stream=${s.stream}`} className="text-xs text-sky-800 underline">
                      {t("recordThis")}
                    </Link>
                  ) : null}
                </span>
              ),
            },
          ]}
        />
      </section>

      <section aria-labelledby="log">
        <h2 id="log" className="mb-2 font-medium">
          {t("logTitle")}
        </h2>
        <DataTable
          notRecords="log"
          caption={t("logTitle")}
          rows={log.rows}
          rowKey={(r) => r.id}
          empty={tAll("common.empty")}
          columns={[
            { header: t("clearance.clearedOn"), cell: (r) => r.clearedOn },
            { header: t("stream"), cell: (r) => t(`streams.${r.stream}`) },
            { header: t("clearance.quantity"), cell: (r) => `${r.quantity} ${t(`unitNames.${r.unit}`)}` },
            { header: t("clearance.takenBy"), cell: (r) => r.takenBy },
            {
              header: t("timeliness"),
              cell: (r) =>
                r.lateBy > 0 ? <span className="text-red-800">{t("lateBy", { days: r.lateBy })}</span> : <span>{t("onTime")}</span>,
            },
            { header: t("recordedBy"), cell: (r) => r.recordedBy, wide: true },
            {
              header: t("clearance.receipt"),
              cell: (r) => (r.receiptFileId ? <PhotoStrip fileIds={[r.receiptFileId]} label={t("clearance.receipt")} /> : null),
              wide: true,
            },
          ]}
        />
        <Pagination page={log.page} pageCount={log.pageCount} total={log.total} capped={log.capped} searchParams={filter} />
      </section>
    </>
  );
}
