import Link from "next/link";
import { getTranslations } from "next-intl/server";

const LINKS = [
  ["day", "/cleaning"],
  ["plans", "/cleaning/plans"],
] as const;

/** The module's tabs and, for a user of several sites, the site switch (kept in `?site=`). */
export async function CleaningNav(props: { current: (typeof LINKS)[number][0]; sites: { id: string; name: string }[]; siteId: string }) {
  const t = await getTranslations("cleaningSupervision");
  const q = `?site=${encodeURIComponent(props.siteId)}`;
  return (
    <div className="mb-4 flex flex-col gap-2">
      <nav aria-label={t("title")} className="flex flex-wrap gap-1 text-sm">
        {LINKS.map(([key, href]) => (
          <Link
            key={key}
            href={`${href}${q}`}
            aria-current={props.current === key ? "page" : undefined}
            className={`inline-flex min-h-11 items-center rounded-md px-3 ${props.current === key ? "bg-sky-700 text-white" : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`}
          >
            {t(`links.${key}`)}
          </Link>
        ))}
      </nav>
      {props.sites.length > 1 ? (
        <nav aria-label={t("site")} className="flex flex-wrap gap-1 text-xs">
          {props.sites.map((s) => (
            <Link
              key={s.id}
              href={`?site=${encodeURIComponent(s.id)}`}
              aria-current={props.siteId === s.id ? "true" : undefined}
              className={`inline-flex min-h-11 items-center rounded-full px-3 ${props.siteId === s.id ? "bg-slate-800 text-white" : "bg-slate-100 text-slate-700"}`}
            >
              {s.name}
            </Link>
          ))}
        </nav>
      ) : null}
    </div>
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
