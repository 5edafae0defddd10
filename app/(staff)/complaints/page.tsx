import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { DeadlineBadge } from "@/components/complaints/deadline-badge";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
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
  const [t, result, sites] = await Promise.all([getTranslations(), listComplaints(filter, pageRequest(sp.page)), sitesOf(actor)]);
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
      <DataTable
        caption={t("nav.complaints")}
        rows={result.rows}
        rowKey={(r) => r.id}
        empty={t("common.empty")}
        columns={[
          {
            header: t("complaints.number"),
            cell: (r) => (
              <Link className="text-sky-700 underline" href={`/complaints/${r.id}`}>
                {r.number}
              </Link>
            ),
          },
          { header: t("complaints.tenant"), cell: (r) => `${r.tenant.name}${r.unit ? ` · ${r.unit.code}` : ""}` },
          { header: t("complaints.severity"), cell: (r) => t(`complaints.severities.${r.severity}`) },
          { header: t("complaints.state"), cell: (r) => t(`complaints.states.${r.state}`) },
          {
            header: t("complaints.deadline"),
            cell: (r) =>
              r.deadline ? (
                <span className="flex flex-col gap-0.5">
                  <span className="text-xs text-slate-500">
                    {t(`complaints.deadlineKinds.${r.deadline.kind}`)} {r.deadline.dueLocal}
                  </span>
                  <DeadlineBadge state={r.deadline.state} />
                </span>
              ) : (
                "—"
              ),
          },
          { header: t("complaints.receivedAt"), cell: (r) => r.receivedLocal, wide: true },
          { header: t("complaints.department"), cell: (r) => r.department.name, wide: true },
        ]}
      />
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} capped={result.capped} searchParams={filter} />
    </>
  );
}
