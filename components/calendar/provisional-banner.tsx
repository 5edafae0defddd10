import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { provisionalYearsAhead } from "@/lib/calendar-admin/queries";
import { roleHas } from "@/lib/permissions";

/**
 * While this or next year has no official holiday table, managers see a banner: deadlines falling
 * in it are provisional until someone enters the State Council's table. "This year" is the year at
 * the manager's own sites, in each site's zone.
 */
export async function ProvisionalCalendarBanner({ actor }: { actor: Actor }) {
  if (!roleHas(actor.role, "calendar:manage")) return null;
  const years = await provisionalYearsAhead(actor.siteIds);
  if (years.length === 0) return null;
  const t = await getTranslations("calendar");
  return (
    <div role="note" data-testid="provisional-banner" className="no-print border-b border-amber-300 bg-amber-50">
      <p className="mx-auto max-w-6xl px-3 py-2 text-sm text-amber-900">
        {t("banner", { years: years.join("、") })}{" "}
        <Link href="/calendar" className="font-medium underline">
          {t("enterTable")}
        </Link>
      </p>
    </div>
  );
}
