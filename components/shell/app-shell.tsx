import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { NotificationBell } from "@/components/notifications/bell";
import { OutboxProvider } from "@/components/offline/outbox";
import { OutboxBar } from "@/components/offline/outbox-bar";
import { ServiceWorker } from "@/components/offline/service-worker";
import { WarmPages } from "@/components/offline/warm-pages";
import type { Actor } from "@/lib/auth/actor";
import { navGroupsFor } from "@/lib/permissions";
import { LocaleSwitch } from "./locale-switch";
import { NavAreas, NavMenu, type NavArea } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

export async function AppShell({ actor, banner, children }: { actor: Actor; banner?: ReactNode; children: ReactNode }) {
  const t = await getTranslations();
  const areas: NavArea[] = navGroupsFor(actor.role).map(({ group, routes }) => ({
    group,
    label: t(`navGroups.${group}`),
    items: routes.map((r) => ({ href: r.path, label: t(`nav.${r.nav}`) })),
  }));
  return (
    <ServiceWorker>
      <OutboxProvider userId={actor.id}>
        <div className="min-h-screen">
          <header className="no-print border-b border-slate-200 bg-white">
            <div className="mx-auto flex max-w-6xl items-center justify-between gap-2 px-3 py-2">
              <Link href="/" className="inline-flex min-h-11 min-w-11 items-center text-lg font-semibold text-sky-800">
                {t("app.name")}
              </Link>
              <div className="flex items-center gap-2 text-sm">
                <Link
                  href="/account/password"
                  className="hidden min-h-11 items-center text-slate-600 sm:inline-flex"
                  data-testid="current-user"
                  title={t("account.title")}
                >
                  {actor.name} · {t(`roles.${actor.role}`)}
                </Link>
                <NotificationBell />
                <LocaleSwitch />
                <SignOutButton />
              </div>
            </div>
            <nav aria-label={t("shell.mainNav")} className="mx-auto max-w-6xl px-3 pb-2">
              {/* Phones: a disclosure menu with no JavaScript, open to the areas; desktops: areas, then the current area's pages. */}
              <NavMenu areas={areas} menuLabel={t("shell.menu")} />
              <div className="hidden md:block" data-testid="main-nav">
                <NavAreas areas={areas} areaNavLabel={t("shell.areaNav")} />
              </div>
            </nav>
          </header>
          <OutboxBar />
          {banner}
          <main className="mx-auto max-w-6xl px-3 py-4">{children}</main>
          <WarmPages />
        </div>
      </OutboxProvider>
    </ServiceWorker>
  );
}
