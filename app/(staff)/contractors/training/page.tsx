import { getTranslations } from "next-intl/server";
import { TrainingForm } from "@/components/contractors/conduct-forms";
import { FilterSelect } from "@/components/ui/filter-bar";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/guard";
import { contractorChoices, listTrainings } from "@/lib/contractors/queries";
import { pageRequest, param } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";
import { withClientMessages } from "@/components/i18n/client-messages";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Training records of the contractors (§10 last item, §11.4(4)). */
async function TrainingPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("contractor:read");
  const sp = await searchParams;
  const contractor = param(sp.contractor, 50);
  const [t, tc, choices, list] = await Promise.all([
    getTranslations("contractors.training"),
    getTranslations("common"),
    contractorChoices(),
    listTrainings({ contractor }, pageRequest(sp.page)),
  ]);
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
        <button type="submit" className="min-h-11 rounded-md border border-slate-300 bg-white px-4 text-sm">
          {tc("search")}
        </button>
      </form>
      {list.rows.length === 0 ? <p className="text-sm text-slate-500">{t("none")}</p> : null}
      <ul className="flex flex-col gap-2">
        {list.rows.map((r) => (
          <li key={r.id} className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
            <p className="font-medium">
              {r.heldOn} · {r.contractor.name} · {t("trainer")} {r.trainer}
            </p>
            <p className="whitespace-pre-line text-slate-700">{r.content}</p>
            <p className="text-slate-500">
              {t("attendees")}（{t("count", { count: r.attendees.length })}）：{r.attendees.join("、")}
            </p>
          </li>
        ))}
      </ul>
      <Pagination page={list.page} pageCount={list.pageCount} total={list.total} searchParams={{ contractor }} />
      {roleHas(actor.role, "contractor:conduct") && choices.contractors.length > 0 ? (
        <section aria-labelledby="new-training" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="new-training" className="mb-2 font-medium">
            {t("record")}
          </h2>
          <TrainingForm contractors={choices.contractors} today={choices.sites[0]?.today ?? ""} />
        </section>
      ) : null}
    </div>
  );
}

export default withClientMessages(["contractors", "files", "common", "validation"], TrainingPage);
