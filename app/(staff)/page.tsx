import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { formatInZone } from "@/lib/calendar";
import { loadSiteCalendars } from "@/lib/calendar/store";
import { nextActions } from "@/lib/home/next-actions.queries";
import { accountSummary, homeSummary, recentAudit } from "@/lib/home/queries";
import { navFor, roleHas } from "@/lib/permissions";

/** A home page per role: what that role looks at first, from the same permission table. */
export default async function HomePage() {
  const actor = await requirePagePermission("home:view");
  // The deadline dashboard is the managers' home page.
  if (roleHas(actor.role, "complaint:dashboard")) redirect("/dashboard");
  if (roleHas(actor.role, "inspection:perform")) redirect("/inspections");
  const [t, sites, calendars, actions] = await Promise.all([
    getTranslations(),
    homeSummary(),
    loadSiteCalendars(actor.siteIds),
    nextActions(),
  ]);
  const [audit, accounts] = await Promise.all([
    roleHas(actor.role, "audit:read") ? recentAudit() : Promise.resolve([]),
    roleHas(actor.role, "user:manage") ? accountSummary() : Promise.resolve([]),
  ]);
  const shortcuts = navFor(actor.role).filter((r) => r.path !== "/");

  return (
    <>
      <PageHeader title={t("home.greeting", { name: actor.name })} subtitle={t(`home.intro.${actor.role}`)} />
      {actor.role !== "ADMIN" ? (
        <section aria-labelledby="next-actions" className="mb-6">
          <h2 id="next-actions" className="mb-2 text-lg font-medium">
            {t("home.nextActions")}
          </h2>
          {actions.length === 0 ? (
            <p className="text-sm text-slate-600">{t("home.nextActionsNone")}</p>
          ) : (
            <ul className="flex flex-col gap-2" data-testid="next-actions">
              {actions.map((a) => (
                <li key={a.key}>
                  <Link
                    href={a.href}
                    className="flex min-h-11 flex-col gap-0.5 rounded-lg border border-slate-200 bg-white px-3 py-2 hover:bg-sky-50 sm:flex-row sm:items-center sm:justify-between"
                  >
                    <span className="font-medium text-sky-800">
                      {t(`home.kinds.${a.kind}`, { subject: a.subject, count: a.count ?? 0 })}
                    </span>
                    <span className="text-sm text-slate-600">
                      {a.siteName} ·{" "}
                      {a.at === null
                        ? t("home.dueToday")
                        : a.timeKind === "due"
                          ? t("home.dueAt", { time: a.at })
                          : a.timeKind === "starts"
                            ? t("home.startsAt", { time: a.at })
                            : t("home.openedAt", { time: a.at })}
                      {a.overdue ? <strong className="ml-2 text-red-700">{t("home.overdue")}</strong> : null}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section aria-labelledby="today" className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-2">
        <h2 id="today" className="sr-only">
          {t("home.today")}
        </h2>
        {sites.map((site) => {
          const calendar = calendars.get(site.id);
          const today = calendar?.localDateOf(new Date());
          const info = today ? calendar?.dayInfo(today) : undefined;
          return (
            <article key={site.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`site-card-${site.code}`}>
              <h3 className="font-medium">
                {site.name} <span className="text-xs text-slate-500">{site.code}</span>
              </h3>
              <p className="text-sm text-slate-600">
                {today} · {info?.working ? t("calendar.working") : t("calendar.off")}
                {info?.holidayName ? ` · ${info.holidayName}` : ""}
                {info?.provisional ? ` · ${t("calendar.provisionalShort")}` : ""}
              </p>
              <dl className="mt-2 grid grid-cols-3 gap-2 text-center text-sm">
                {(["OCCUPIED", "VACANT", "RENOVATION"] as const).map((s) => (
                  <div key={s} className="rounded bg-slate-50 p-2">
                    <dt className="text-xs text-slate-500">{t(`unitStatus.${s}`)}</dt>
                    <dd className="text-lg font-semibold">{site.units[s] ?? 0}</dd>
                  </div>
                ))}
              </dl>
              <p className="mt-2 text-xs text-slate-500">
                {site.areas !== null ? `${t("nav.areas")} ${site.areas}` : ""}
                {site.tenants !== null ? ` · ${t("nav.tenants")} ${site.tenants}` : ""}
              </p>
            </article>
          );
        })}
      </section>

      {accounts.length > 0 ? (
        <section aria-labelledby="accounts" className="mb-6">
          <h2 id="accounts" className="mb-2 text-lg font-medium">
            {t("nav.users")}
          </h2>
          <ul className="flex flex-wrap gap-2 text-sm">
            {accounts.map((a) => (
              <li key={`${a.role}-${a.disabled}`} className="rounded bg-white px-3 py-2 shadow-sm">
                {t("common.labelValue", {
                  label: `${t(`roles.${a.role}`)}${a.disabled ? ` · ${t("users.disabledShort")}` : ""}`,
                  value: String(a.count),
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {audit.length > 0 ? (
        <section aria-labelledby="recent" className="mb-6">
          <h2 id="recent" className="mb-2 text-lg font-medium">
            {t("home.recentChanges")}
          </h2>
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm">
            {audit.map((a) => (
              <li key={a.id.toString()} className="p-2">
                {formatInZone(a.at, a.site?.timeZone ?? "Asia/Shanghai")} · {a.actor?.name ?? "—"} · {t(`audit.actions.${a.action}`)}{" "}
                {t(`audit.entities.${a.entity}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <nav aria-labelledby="shortcuts">
        <h2 id="shortcuts" className="mb-2 text-lg font-medium">
          {t("home.shortcuts")}
        </h2>
        <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4">
          {shortcuts.map((r) => (
            <li key={r.path}>
              <Link href={r.path} className="block rounded-lg border border-slate-200 bg-white p-3 text-center text-sm hover:bg-sky-50">
                {t(`nav.${r.nav}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
