import { getTranslations } from "next-intl/server";
import { ViolationForm, ViolationResponseForm } from "@/components/contractors/conduct-forms";
import { FilterSelect } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/guard";
import { contractorChoices, listViolations } from "@/lib/contractors/queries";
import { VIOLATION_KINDS } from "@/lib/contractors/schema";
import { oneOf, pageRequest, param } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";
import { withClientMessages } from "@/components/i18n/client-messages";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The violation log of contractor staff (§6, §7): open ones await the contractor's response. */
async function ViolationsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("contractor:read");
  const sp = await searchParams;
  const contractor = param(sp.contractor, 50);
  const kind = oneOf(VIOLATION_KINDS, sp.kind);
  const open = sp.open === "1";
  const [t, tc, choices, list] = await Promise.all([
    getTranslations("contractors.violations"),
    getTranslations("common"),
    contractorChoices(),
    listViolations({ contractor, kind, open }, pageRequest(sp.page)),
  ]);
  const mayRecord = roleHas(actor.role, "contractor:conduct");
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <form method="get" role="search" className="flex flex-wrap items-end gap-2">
        <FilterSelect
          name="contractor"
          label={t("contractor")}
          value={contractor}
          options={choices.contractors.map((c) => ({ value: c.id, label: c.name }))}
        />
        <FilterSelect
          name="kind"
          label={t("kind")}
          value={kind}
          options={VIOLATION_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input type="checkbox" name="open" value="1" defaultChecked={open} className="h-5 w-5" />
          {t("open")}
        </label>
        <button type="submit" className="min-h-11 rounded-md border border-slate-300 bg-white px-4 text-sm">
          {tc("search")}
        </button>
      </form>
      {list.rows.length === 0 ? <p className="text-sm text-slate-500">{t("none")}</p> : null}
      <ul className="flex flex-col gap-2">
        {list.rows.map((v) => (
          <li key={v.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm" data-testid={`violation-${v.id}`}>
            <p className="font-medium">
              {v.occurredOn} · {v.contractor.name} · {v.cleaner?.name ?? t("unknownStaff")} · {t(`kinds.${v.kind}`)}
            </p>
            <p className="text-slate-700">{v.description}</p>
            {v.chargeAmount ? (
              <p className="text-slate-700">
                {t("chargeAmount")}：{v.chargeAmount}
              </p>
            ) : null}
            {v.photoIds.length ? (
              <div className="mt-1 flex gap-2">
                {v.photoIds.map((f) => (
                  <a key={f} href={`/api/files/${f}`} target="_blank" rel="noreferrer">
                    {/* eslint-disable-next-line @next/next/no-img-element -- a stored photo served by /api/files */}
                    <img src={`/api/files/${f}`} alt={t("photos")} className="h-16 w-16 rounded object-cover" />
                  </a>
                ))}
              </div>
            ) : null}
            {v.response ? (
              <p className="mt-1 text-emerald-800">
                {t("response")}：{v.response}
              </p>
            ) : (
              <>
                <p className="mt-1 font-medium text-amber-700">{t("open")}</p>
                {mayRecord ? (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-sky-700">{t("recordResponse")}</summary>
                    <ViolationResponseForm violationId={v.id} />
                  </details>
                ) : null}
              </>
            )}
          </li>
        ))}
      </ul>
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        total={list.total}
        searchParams={{ contractor, kind, open: open ? "1" : undefined }}
      />
      {mayRecord && choices.contractors.length > 0 ? (
        <section aria-labelledby="new-violation" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="new-violation" className="mb-2 font-medium">
            {t("record")}
          </h2>
          <ViolationForm contractors={choices.contractors} today={choices.sites[0]?.today ?? ""} />
        </section>
      ) : null}
    </div>
  );
}

export default withClientMessages(["contractors", "files", "common", "validation"], ViolationsPage);
