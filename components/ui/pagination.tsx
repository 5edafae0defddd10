import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

/** Previous / next links that keep the other search params. */
export async function Pagination(props: {
  page: number;
  pageCount: number;
  total: number;
  /** The total is a lower bound (a capped count): shown as "1000+". */
  capped?: boolean;
  searchParams: Record<string, string | undefined>;
}) {
  const t = await getTranslations("common");
  const href = (page: number) => {
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(props.searchParams)) if (v && k !== "page") sp.set(k, v);
    sp.set("page", String(page));
    return `?${sp.toString()}`;
  };
  const link = "inline-flex min-h-11 items-center rounded-md border border-slate-300 px-3 text-sm hover:bg-slate-50";
  return (
    <nav aria-label={t("pagination")} className="mt-4 flex items-center justify-between gap-2 text-sm text-slate-600">
      <span>{t("pageOf", { page: props.page, pageCount: props.pageCount, total: props.capped ? `${props.total}+` : props.total })}</span>
      <span className="flex gap-2">
        {props.page > 1 ? (
          <Link className={link} href={href(props.page - 1)} rel="prev">
            {t("prev")}
          </Link>
        ) : null}
        {props.page < props.pageCount ? (
          <Link className={link} href={href(props.page + 1)} rel="next">
            {t("next")}
          </Link>
        ) : null}
      </span>
    </nav>
  );
}
