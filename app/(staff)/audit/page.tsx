import { getTranslations } from "next-intl/server";
import { AuditTable } from "@/components/audit/audit-table";
import { FilterBar, FilterDate, FilterSelect } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { AUDIT_ENTITIES, auditActors, listAuditLogs } from "@/lib/audit-trail/queries";
import { requirePagePermission } from "@/lib/auth/guard";
import { pageRequest, param } from "@/lib/pagination";
import { sitesOf } from "@/lib/registry/site.queries";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("audit:read");
  const sp = await searchParams;
  const filter = {
    q: param(sp.q),
    site: param(sp.site),
    entity: param(sp.entity),
    action: param(sp.action),
    actor: param(sp.actor),
    from: param(sp.from, 10),
    to: param(sp.to, 10),
  };
  const [t, result, sites, people] = await Promise.all([
    getTranslations(),
    listAuditLogs(filter, pageRequest(sp.page)),
    sitesOf(actor),
    auditActors(),
  ]);
  return (
    <>
      <PageHeader title={t("nav.audit")} subtitle={t("audit.readOnly")} />
      <FilterBar q={filter.q} qLabel={t("audit.recordId")}>
        <FilterSelect
          name="site"
          label={t("fields.site")}
          value={filter.site}
          options={sites.map((s) => ({ value: s.id, label: s.name }))}
        />
        <FilterSelect
          name="entity"
          label={t("audit.entity")}
          value={filter.entity}
          options={AUDIT_ENTITIES.map((e) => ({ value: e, label: t(`audit.entities.${e}`) }))}
        />
        <FilterSelect
          name="action"
          label={t("audit.action")}
          value={filter.action}
          options={["CREATE", "UPDATE", "DELETE"].map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))}
        />
        <FilterSelect
          name="actor"
          label={t("audit.who")}
          value={filter.actor}
          options={people.map((p) => ({ value: p.id, label: p.name }))}
        />
        <FilterDate name="from" label={t("audit.from")} value={filter.from} />
        <FilterDate name="to" label={t("audit.to")} value={filter.to} />
      </FilterBar>
      <AuditTable
        caption={t("nav.audit")}
        empty={t("common.empty")}
        headers={{
          at: t("audit.at"),
          who: t("audit.who"),
          site: t("fields.site"),
          what: t("audit.entity"),
          changes: t("audit.changes"),
        }}
        lines={result.rows.map((r) => ({
          id: r.id,
          atIso: r.at.toISOString(),
          at: r.localAt,
          who: r.actor?.name ?? "—",
          site: r.site?.name ?? "—",
          what: `${t(`audit.entities.${r.entity}`)} · ${t(`audit.actions.${r.action}`)}`,
          record: { href: r.record.href, label: r.record.href ? (r.record.label ?? t("audit.values.open")) : r.record.label },
          changes: r.changes.map((change) =>
            t("common.labelValue", {
              label: change.label,
              value: change.redacted
                ? t("audit.redacted")
                : change.before === null
                  ? (change.after ?? "")
                  : `${change.before} → ${change.after}`,
            }),
          ),
        }))}
      />
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} capped={result.capped} searchParams={filter} />
    </>
  );
}
