import Link from "next/link";
import { getTranslations } from "next-intl/server";

const LINKS = [
  ["today", "/newspapers"],
  ["days", "/newspapers/days"],
  ["titles", "/newspapers/titles"],
  ["subscriptions", "/newspapers/subscriptions"],
  ["report", "/newspapers/report"],
] as const;

/** The module's own tabs and, for a user of several sites, the site switch (kept in `?site=`). */
export async function NewspaperNav(props: { current: (typeof LINKS)[number][0]; sites: { id: string; name: string }[]; siteId?: string }) {
  const t = await getTranslations("newspapers");
  const q = (siteId?: string) => (siteId ? `?site=${encodeURIComponent(siteId)}` : "");
  return (
    <div className="mb-4 flex flex-col gap-2">
      <nav aria-label={t("title")} className="flex flex-wrap gap-1 text-sm">
        {LINKS.map(([key, href]) => (
          <Link
            key={key}
            href={`${href}${q(props.siteId)}`}
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
