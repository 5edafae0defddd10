import { getTranslations } from "next-intl/server";
import { ComplaintsTable } from "@/components/complaints/complaints-table";
import { deadlineBadgeLabel } from "@/components/complaints/deadline-badge-view";
import { ButtonLink } from "@/components/ui/button";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/guard";
import { listComplaints } from "@/lib/complaints/queries";
import { SEVERITIES, STATES } from "@/lib/complaints/schema";
import { pageRequest, param } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";
import { sitesOf } from "@/lib/registry/site.queries";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ComplaintsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("complaint:read");
  const sp = await searchParams;
  const filter = { q: param(sp.q), site: param(sp.site), state: param(sp.state), severity: param(sp.severity) };
  const [t, tc, result, sites] = await Promise.all([
    getTranslations(),
    getTranslations("complaints"),
    listComplaints(filter, pageRequest(sp.page)),
    sitesOf(actor),
  ]);
  return (
    <>
      <PageHeader
        title={t("nav.complaints")}
        actions={roleHas(actor.role, "complaint:create") ? <ButtonLink href="/complaints/new">{t("complaints.new")}</ButtonLink> : null}
      />
      <FilterBar q={filter.q} qLabel={t("complaints.search")}>
        <FilterSelect
          name="site"
          label={t("fields.site")}
          value={filter.site}
          options={sites.map((s) => ({ value: s.id, label: s.name }))}
        />
        <FilterSelect
          name="state"
          label={t("complaints.state")}
          value={filter.state}
          options={STATES.map((s) => ({ value: s, label: t(`complaints.states.${s}`) }))}
        />
        <FilterSelect
          name="severity"
          label={t("complaints.severity")}
          value={filter.severity}
          options={SEVERITIES.map((s) => ({ value: s, label: t(`complaints.severities.${s}`) }))}
        />
      </FilterBar>
      <ComplaintsTable
        caption={t("nav.complaints")}
        empty={t("common.empty")}
        columns={[
          { key: "number", header: t("complaints.number") },
          { key: "tenant", header: t("complaints.tenant") },
          { key: "severity", header: t("complaints.severity") },
          { key: "state", header: t("complaints.state") },
          { key: "deadline", header: t("complaints.deadline") },
          { key: "received", header: t("complaints.receivedAt"), wide: true },
          { key: "department", header: t("complaints.department"), wide: true },
        ]}
        lines={result.rows.map((r) => ({
          key: r.id,
          id: r.id,
          number: r.number,
          tenant: `${r.tenant.name}${r.unit ? ` · ${r.unit.code}` : ""}`,
          severity: t(`complaints.severities.${r.severity}`),
          state: t(`complaints.states.${r.state}`),
          deadline: r.deadline
            ? {
                line: `${t(`complaints.deadlineKinds.${r.deadline.kind}`)} ${r.deadline.dueLocal}`,
                state: r.deadline.state,
                label: deadlineBadgeLabel(tc, r.deadline.state),
              }
            : null,
          received: r.receivedLocal,
          department: r.department.name,
        }))}
      />
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} capped={result.capped} searchParams={filter} />
    </>
  );
}
