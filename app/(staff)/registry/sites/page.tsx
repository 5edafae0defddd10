import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { roleHas } from "@/lib/permissions";
import { listSites } from "@/lib/registry/site.queries";

export default async function SitesPage() {
  const actor = await requirePagePermission("site:read");
  const [t, sites] = await Promise.all([getTranslations(), listSites()]);
  // Managers read the sites they work on; only the system admin creates or edits them.
  const canEdit = roleHas(actor.role, "site:manage");
  return (
    <>
      <PageHeader title={t("nav.sites")} actions={canEdit ? <ButtonLink href="/registry/sites/new">{t("sites.new")}</ButtonLink> : null} />
      <DataTable
        caption={t("nav.sites")}
        rows={sites}
        rowKey={(r) => r.id}
        empty={t("common.empty")}
        columns={[
          {
            header: t("sites.code"),
            cell: (r) => (
              <Link className="text-sky-700 underline" href={`/registry/sites/${r.id}`}>
                {r.code}
              </Link>
            ),
          },
          { header: t("sites.name"), cell: (r) => r.name },
          { header: t("sites.timeZone"), cell: (r) => r.timeZone, wide: true },
          {
            header: t("sites.slots"),
            cell: (r) => (
              <span className="whitespace-nowrap">
                {r.slot1Start}–{r.slot1End}
                <br />
                {r.slot2Start}–{r.slot2End}
              </span>
            ),
          },
          { header: t("sites.units"), cell: (r) => r._count.units, wide: true },
          { header: t("sites.areas"), cell: (r) => r._count.areas, wide: true },
          { header: t("sites.tenants"), cell: (r) => r._count.tenants, wide: true },
        ]}
      />
    </>
  );
}
