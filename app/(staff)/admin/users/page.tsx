import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ButtonLink } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { FilterBar } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/guard";
import { pageRequest, param } from "@/lib/pagination";
import { listUsers } from "@/lib/registry/user.queries";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePagePermission("user:manage");
  const sp = await searchParams;
  const filter = { q: param(sp.q) };
  const [t, result] = await Promise.all([getTranslations(), listUsers(filter, pageRequest(sp.page))]);
  return (
    <>
      <PageHeader title={t("nav.users")} actions={<ButtonLink href="/admin/users/new">{t("users.new")}</ButtonLink>} />
      <FilterBar q={filter.q} qLabel={t("users.search")} />
      <DataTable
        caption={t("nav.users")}
        rows={result.rows}
        rowKey={(r) => r.id}
        empty={t("common.empty")}
        columns={[
          {
            header: t("users.username"),
            cell: (r) => (
              <Link className="text-sky-700 underline" href={`/admin/users/${r.id}`}>
                {r.username}
              </Link>
            ),
          },
          { header: t("users.name"), cell: (r) => r.name },
          { header: t("users.role"), cell: (r) => `${t(`roles.${r.role}`)}${r.duty ? ` · ${t(`duties.${r.duty}`)}` : ""}` },
          { header: t("users.sites"), cell: (r) => r.sites.map((s) => s.site.code).join("、") || "—", wide: true },
          {
            header: t("users.status"),
            cell: (r) => (r.disabled ? <span className="text-red-700">{t("users.disabledShort")}</span> : t("users.active")),
          },
        ]}
      />
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} searchParams={{ q: filter.q }} />
    </>
  );
}
