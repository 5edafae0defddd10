import { getTranslations } from "next-intl/server";
import { PhotoStrip } from "@/components/complaints/photo-strip";
import { RevokeSignatoryButton } from "@/components/signatories/revoke-button";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar, FilterSelect } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/guard";
import { pageRequest, param } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";
import { revokeSignatoryAction } from "@/lib/signatories/actions";
import { listSignatories } from "@/lib/signatories/queries";
import { SIGNATORY_STATUSES, type SignatoryStatus } from "@/lib/signatories/schema";
import { sitesOf } from "@/lib/registry/site.queries";
import { withClientMessages } from "@/components/i18n/client-messages";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const STATUS_STYLE: Record<SignatoryStatus, string> = {
  ACTIVE: "bg-emerald-50 text-emerald-800",
  EXPIRED: "bg-amber-50 text-amber-800",
  REVOKED: "bg-slate-100 text-slate-600",
};

/** R-GP-2: the registry of tenants' authorised signatories; client service adds and revokes. */
async function SignatoriesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("signatory:read");
  const sp = await searchParams;
  const filter = { q: param(sp.q), site: param(sp.site), status: param(sp.status) };
  const [t, result, sites] = await Promise.all([
    getTranslations("signatories"),
    listSignatories(filter, pageRequest(sp.page)),
    sitesOf(actor),
  ]);
  const tAll = await getTranslations();
  const manages = roleHas(actor.role, "signatory:manage");
  return (
    <>
      <PageHeader title={t("title")} actions={manages ? <ButtonLink href="/signatories/new">{t("new")}</ButtonLink> : null} />
      <FilterBar q={filter.q} qLabel={t("search")}>
        {sites.length > 1 ? (
          <FilterSelect
            name="site"
            label={tAll("fields.site")}
            value={filter.site}
            options={sites.map((s) => ({ value: s.id, label: s.name }))}
          />
        ) : null}
        <FilterSelect
          name="status"
          label={t("status")}
          value={filter.status}
          options={SIGNATORY_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
        />
      </FilterBar>
      <DataTable
        caption={t("title")}
        rows={result.rows}
        rowKey={(r) => r.id}
        empty={tAll("common.empty")}
        columns={[
          { header: t("tenant"), cell: (r) => r.tenant.name },
          { header: t("name"), cell: (r) => `${r.name}${r.position ? `（${r.position}）` : ""}` },
          // Phones only for roles with the contact right (lib/signatories/queries.ts seesContacts).
          ...(roleHas(actor.role, "tenant:contact:read")
            ? [{ header: t("phone"), cell: (r: (typeof result.rows)[number]) => r.phone, wide: true }]
            : []),
          { header: t("validity"), cell: (r) => `${r.validFrom} ~ ${r.validTo}` },
          {
            header: t("status"),
            cell: (r) => <span className={`rounded px-2 py-0.5 text-xs ${STATUS_STYLE[r.status]}`}>{t(`statuses.${r.status}`)}</span>,
          },
          {
            header: t("specimen"),
            cell: (r) => (
              <span className="flex gap-2">
                <PhotoStrip fileIds={[r.specimenFileId]} label={t("specimen")} />
                <PhotoStrip fileIds={[r.certificateFileId]} label={t("certificateShort")} />
              </span>
            ),
            wide: true,
          },
          ...(manages
            ? [
                {
                  header: tAll("common.actions"),
                  cell: (r: (typeof result.rows)[number]) =>
                    r.status === "REVOKED" ? null : (
                      <RevokeSignatoryButton signatoryId={r.id} name={r.name} action={revokeSignatoryAction} />
                    ),
                },
              ]
            : []),
        ]}
      />
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} searchParams={filter} />
    </>
  );
}

export default withClientMessages(["signatories"], SignatoriesPage);
