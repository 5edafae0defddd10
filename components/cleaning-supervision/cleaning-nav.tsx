import { getTranslations } from "next-intl/server";
import { ModuleNav } from "@/components/ui/module-nav";

const LINKS = [
  ["day", "/cleaning"],
  ["plans", "/cleaning/plans"],
] as const;

/** The module's own tabs and, for a user of several sites, the site switch (kept in `?site=`). */
export async function CleaningNav(props: { current: (typeof LINKS)[number][0]; sites: { id: string; name: string }[]; siteId: string }) {
  const t = await getTranslations("cleaningSupervision");
  return (
    <ModuleNav
      label={t("title")}
      siteLabel={t("site")}
      links={LINKS.map(([key, href]) => ({ key, href, label: t(`links.${key}`) }))}
      current={props.current}
      sites={props.sites}
      siteId={props.siteId}
    />
  );
}

const STATE_CLASS: Record<string, string> = {
  done: "bg-emerald-100 text-emerald-800",
  on_time: "bg-emerald-100 text-emerald-800",
  late: "bg-amber-100 text-amber-800",
  open: "bg-slate-100 text-slate-700",
  missed: "bg-red-100 text-red-800",
  missing: "bg-red-100 text-red-800",
};

/** An item's or a plan's state (R-CLN-1: missed / late shown as such). */
export async function StateBadge({ state }: { state: string }) {
  const t = await getTranslations("cleaningSupervision");
  return (
    <span
      data-state={state}
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${STATE_CLASS[state] ?? STATE_CLASS.open}`}
    >
      {t(`states.${state}`)}
    </span>
  );
}
