import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

/**
 * The company view of a dashboard card (many sites, none chosen): the few sites that need attention
 * most (dashboard.rules.ts worstSites), each a link to that site's dashboard at the card, where the
 * card shows the site in full.
 */
export async function WorstSites(props: { sites: { id: string; name: string; value: string }[]; anchor: string }) {
  if (props.sites.length === 0) return null;
  const t = await getTranslations("dashboard.company");
  return (
    <div className="mt-2 text-sm" data-testid="worst-sites">
      <h3 className="text-xs font-medium text-slate-600">{t("worstSites")}</h3>
      <ul className="flex flex-wrap gap-x-4">
        {props.sites.map((s) => (
          <li key={s.id} className="flex min-h-8 items-center gap-1">
            <Link href={`/dashboard?site=${encodeURIComponent(s.id)}#${props.anchor}`} className="text-sky-700 underline">
              {s.name}
            </Link>
            <span className="text-red-700 tabular-nums">{s.value}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
