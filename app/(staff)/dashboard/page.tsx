import { getTranslations } from "next-intl/server";
import { ComplaintsTable } from "@/components/complaints/complaints-table";
import { deadlineBadgeLabel } from "@/components/complaints/deadline-badge-view";
import { DeadlineCountsTable } from "@/components/complaints/deadline-counts";
import { SiteDeadlinesTable } from "@/components/complaints/deadline-counts-company";
import { OnTimeChart } from "@/components/complaints/on-time-chart";
import { MissingMeetingsCard } from "@/components/meetings/missing-meetings-card";
import { SurveyDeadlinesCard } from "@/components/surveys/survey-deadlines-card";
import { VacantScoreCard } from "@/components/vacant-units/score-card";
import { OpenWorkOrdersCard } from "@/components/work-orders/open-work-orders-card";
import { ServiceRevisitsCard } from "@/components/special-services/revisits-card";
import { ContractorsCard } from "@/components/contractors/dashboard-card";
import { SiteLinesToggle } from "@/components/ui/by-site";
import { FilterBar, FilterDate, FilterSelect } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/guard";
import {
  RATE_MONTHS,
  RATE_WEEKS,
  companyDeadlines,
  dashboardOptions,
  deadlineCounts,
  listOpenDeadlines,
  onTimeRates,
} from "@/lib/complaints/dashboard.queries";
import {
  DEADLINE_KINDS,
  EXPORT_MAX_ROWS,
  OPEN_DUE_STATES,
  OPEN_STATES,
  effectiveFilter,
  filterParams,
  filterQuery,
  parseDashboardFilter,
} from "@/lib/complaints/dashboard.rules";
import { DUE_SOON_WORKING_DAYS } from "@/lib/complaints/rules";
import { SEVERITIES } from "@/lib/complaints/schema";
import { SUMMARY_SITE_LINES, asksAllSites, summaryLines, withAllSites } from "@/lib/many-sites";
import { filterQuery as pageQuery, pageRequest } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The managers' deadline dashboard (R-CMP-5). */
export default async function DashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("complaint:dashboard");
  const sp = await searchParams;
  const requested = parseDashboardFilter(sp);
  const [t, tc, options] = await Promise.all([getTranslations(), getTranslations("complaints"), dashboardOptions(requested)]);
  // Many sites and none chosen: the company view, one line per site and no departments (dashboard.rules.ts).
  const company = options.view === "company";
  const filter = effectiveFilter(
    requested,
    options.view,
    options.departments.map((d) => d.id),
  );
  const request = pageRequest(sp.page);
  const [counts, deadlines, rates] = await Promise.all([
    company ? null : deadlineCounts(filter),
    // The company view counts its sites and pages its list in one go (its length is the counts').
    company ? companyDeadlines(filter, request) : listOpenDeadlines(filter, request).then((list) => ({ counts: null, list })),
    onTimeRates(filter),
  ]);
  const { counts: siteCounts, list } = deadlines;
  // The company table shows the most overdue sites until every site is asked for (`?sites=all`).
  const allSites = asksAllSites(sp);
  const siteLines = siteCounts ? summaryLines(siteCounts.rows, allSites) : null;
  const siteParams = (all: boolean) => withAllSites(filterParams(filter), all);
  const manySites = options.sites.length > 1;
  // The chosen site's departments need no site code; several sites' do (their names repeat).
  const departmentLabel = (d: (typeof options.departments)[number]) =>
    manySites && !options.site ? `${d.name}（${d.site.code}）` : d.name;
  const exportHref = `/dashboard/export${filterQuery(filter)}`;
  return (
    <>
      <PageHeader
        title={t("dashboard.title")}
        subtitle={t("dashboard.subtitle")}
        actions={
          roleHas(actor.role, "complaint:export") ? (
            // A plain link: a file download, not a page to prefetch.
            <a
              href={exportHref}
              download
              title={t("dashboard.export.hint", { max: EXPORT_MAX_ROWS.toLocaleString() })}
              className="inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
            >
              {t("dashboard.export.button")}
            </a>
          ) : null
        }
      />
      <FilterBar q={filter.q} qLabel={t("complaints.search")}>
        {manySites ? (
          <FilterSelect
            name="site"
            label={t("fields.site")}
            value={filter.site}
            options={options.sites.map((s) => ({ value: s.id, label: s.name }))}
          />
        ) : null}
        {company ? null : (
          <FilterSelect
            name="department"
            label={t("complaints.department")}
            value={filter.department}
            options={options.departments.map((d) => ({ value: d.id, label: departmentLabel(d) }))}
          />
        )}
        <FilterSelect
          name="severity"
          label={t("complaints.severity")}
          value={filter.severity}
          options={SEVERITIES.map((s) => ({ value: s, label: t(`complaints.severities.${s}`) }))}
        />
        <FilterSelect
          name="state"
          label={t("complaints.state")}
          value={filter.state}
          options={OPEN_STATES.map((s) => ({ value: s, label: t(`complaints.states.${s}`) }))}
        />
        <FilterSelect
          name="kind"
          label={t("dashboard.filters.kind")}
          value={filter.kind}
          options={DEADLINE_KINDS.map((k) => ({ value: k, label: t(`complaints.deadlineKinds.${k}`) }))}
        />
        <FilterSelect
          name="due"
          label={t("dashboard.filters.due")}
          value={filter.due}
          options={OPEN_DUE_STATES.map((d) => ({ value: d, label: t(`complaints.deadlineStates.${d}`) }))}
        />
        <FilterDate name="from" label={t("dashboard.filters.from")} value={filter.from} />
        <FilterDate name="to" label={t("dashboard.filters.to")} value={filter.to} />
      </FilterBar>

      {/* Deadlines first: the counts and the open complaints, then rates and the other modules' cards. */}
      <section aria-labelledby="counts-title" className="mb-6 flex min-w-0 flex-col gap-3">
        <div>
          <h2 id="counts-title" className="text-base font-semibold text-slate-900">
            {t("dashboard.counts.title")}
          </h2>
          <p className="text-xs text-slate-500">{t("dashboard.counts.caption", { days: DUE_SOON_WORKING_DAYS })}</p>
        </div>
        {siteCounts && siteLines ? (
          <>
            <p className="text-xs text-slate-500">{t("dashboard.company.hint", { sites: options.sites.length })}</p>
            <SiteDeadlinesTable
              rows={siteLines.lines}
              total={siteCounts.total}
              rates={rates.bySite}
              rateWeeks={RATE_WEEKS}
              filter={filter}
            />
            {siteLines.toggles ? (
              <SiteLinesToggle
                href={`/dashboard${pageQuery(siteParams(!allSites))}`}
                label={
                  allSites
                    ? t("dashboard.company.fewerSites", { count: SUMMARY_SITE_LINES })
                    : t("dashboard.company.moreSites", { sites: siteCounts.rows.length })
                }
              />
            ) : null}
          </>
        ) : null}
        {counts ? (
          <>
            <DeadlineCountsTable
              title={t("dashboard.counts.bySite")}
              rows={counts.bySite}
              total={counts.total}
              rowFilter="site"
              filter={filter}
              empty={t("common.empty")}
            />
            <DeadlineCountsTable
              title={t("dashboard.counts.byDepartment")}
              rows={counts.byDepartment}
              rowFilter="department"
              filter={filter}
              empty={t("dashboard.counts.noDepartment")}
            />
          </>
        ) : null}
      </section>
      <section aria-labelledby="list-title" className="mb-6">
        <h2 id="list-title" className="mb-2 text-base font-semibold text-slate-900">
          {t("dashboard.list.title")}
        </h2>
        <ComplaintsTable
          caption={t("dashboard.list.caption")}
          empty={t("common.empty")}
          columns={[
            { key: "number", header: t("complaints.number") },
            { key: "site", header: t("dashboard.list.site"), wide: true },
            { key: "tenant", header: t("complaints.tenant") },
            { key: "department", header: t("complaints.department"), wide: true },
            { key: "severity", header: t("complaints.severity") },
            { key: "state", header: t("complaints.state"), wide: true },
            { key: "deadline", header: t("dashboard.list.deadline") },
          ]}
          lines={list.rows.map((r) => ({
            key: `${r.id}-${r.kind}`,
            id: r.id,
            number: r.number,
            site: r.site.name,
            tenant: `${r.tenantName}${r.unitCode ? ` · ${r.unitCode}` : ""}`,
            department: r.departmentName,
            severity: t(`complaints.severities.${r.severity}`),
            state: t(`complaints.states.${r.state}`),
            deadline: {
              line: `${t(`complaints.deadlineKinds.${r.kind}`)} ${r.dueLocal}`,
              state: r.dueState,
              label: deadlineBadgeLabel(tc, r.dueState, r.provisional),
            },
          }))}
        />
        {list.rows.some((r) => r.provisional) ? <p className="mt-2 text-xs text-slate-500">{t("dashboard.list.provisionalHint")}</p> : null}
        <Pagination page={list.page} pageCount={list.pageCount} total={list.total} searchParams={siteParams(allSites)} />
      </section>
      {/* Survey-opinion deadlines (R-SUR-1..3), beside the complaints', in the same states. */}
      <SurveyDeadlinesCard site={filter.site} due={filter.due} company={company} />
      <section aria-labelledby="on-time-title" className="mb-6 flex min-w-0 flex-col gap-3">
        <div>
          <h2 id="on-time-title" className="text-base font-semibold text-slate-900">
            {t("dashboard.onTime.title")}
          </h2>
          <p className="text-xs text-slate-500">{t("dashboard.onTime.hint")}</p>
        </div>
        <OnTimeChart title={t("dashboard.onTime.weekly", { count: RATE_WEEKS })} periods={rates.weeks} />
        <OnTimeChart title={t("dashboard.onTime.monthly", { count: RATE_MONTHS })} periods={rates.months} />
      </section>
      {/* Weekly meetings that were not held (R-MTG-1). */}
      {roleHas(actor.role, "meeting:compliance") ? <MissingMeetingsCard site={filter.site} company={company} /> : null}
      {/* The vacant-unit cleaning score counts in the cleaning-quality assessment (R-VAC-3). */}
      {roleHas(actor.role, "vacant:score") ? <VacantScoreCard site={filter.site} company={company} /> : null}
      {/* R-INS-5: how long engineering's open work orders have waited. */}
      {roleHas(actor.role, "workorder:read") ? <OpenWorkOrdersCard site={filter.site} /> : null}
      {/* R-SVC-2: phone revisits of special services, in the deadline states above. */}
      {roleHas(actor.role, "service:dashboard") ? <ServiceRevisitsCard site={filter.site} due={filter.due} company={company} /> : null}
      {/* Issue 18: the cleaning and catering contractors, waste and found items, per site. */}
      {roleHas(actor.role, "contractor:assessment") ? <ContractorsCard site={filter.site} company={company} /> : null}
    </>
  );
}
