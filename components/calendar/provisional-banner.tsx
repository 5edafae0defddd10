import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Actor } from "@/lib/auth/actor";
import { provisionalYearsAhead } from "@/lib/calendar-admin/queries";
import { localDateInZone } from "@/lib/calendar";
import { roleHas } from "@/lib/permissions";

/**
 * While this or next year has no official holiday table, managers see a banner: deadlines
 * falling in it are provisional until someone enters the State Council's table.
 */
export async function ProvisionalCalendarBanner({ actor }: { actor: Actor }) {
  if (!roleHas(actor.role, "calendar:manage")) return null;
  // The statutory table is national, so "which year is it" is asked in China's own zone.
  const years = await provisionalYearsAhead(localDateInZone(new Date(), "Asia/Shanghai"));
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
