"use client";

import Link from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { routeFor } from "@/lib/permissions";

export type NavArea = { group: string; label: string; items: { href: string; label: string }[] };

/** The page the pathname belongs to, by the permission table's most specific prefix. */
function useCurrent(areas: NavArea[]) {
  const pathname = usePathname();
  const href = routeFor(pathname)?.path;
  const area = areas.find((a) => a.items.some((i) => i.href === href));
  return { href, area };
}

/**
 * Desktop navigation by area of work: one row of areas, then the pages of the current area.
 * Entries come from the permission table (lib/permissions.ts ROUTES), built on the server. Their
 * classes (app/globals.css nav-*) style the current entry by its aria-current.
 */
export function NavAreas({ areas, areaNavLabel }: { areas: NavArea[]; areaNavLabel: string }) {
  const current = useCurrent(areas);
  return (
    <>
      <ul className="flex flex-row flex-wrap gap-1" data-testid="nav-areas">
        {areas.map((area) => {
          const active = current.area?.group === area.group;
          return (
            <li key={area.group}>
              <Link href={area.items[0].href} aria-current={active ? "true" : undefined} className="nav-area">
                {area.label}
              </Link>
            </li>
          );
        })}
      </ul>
      {current.area && current.area.items.length > 1 ? (
        <ul className="mt-1 flex flex-row flex-wrap gap-1 border-t border-slate-100 pt-1" data-testid="area-nav" aria-label={areaNavLabel}>
          {current.area.items.map((item) => (
            <li key={item.href}>
              <Link href={item.href} aria-current={item.href === current.href ? "page" : undefined} className="nav-link">
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/** Phone menu: every area as a heading with its pages below; the current area is named on the button. */
export function NavMenu({ areas, menuLabel }: { areas: NavArea[]; menuLabel: string }) {
  const current = useCurrent(areas);
  return (
    <details className="md:hidden" data-testid="nav-menu">
      <summary className="min-h-11 cursor-pointer rounded-md px-3 py-3 text-sm leading-5 text-slate-700">
        {menuLabel}
        {current.area ? <span className="text-slate-500"> · {current.area.label}</span> : null}
      </summary>
      <div className="flex flex-col gap-3 py-2">
        {areas.map((area) => (
          <section key={area.group} aria-labelledby={`nav-area-${area.group}`}>
            <h2 id={`nav-area-${area.group}`} className="nav-heading">
              {area.label}
            </h2>
            <ul className="flex flex-col gap-1">
              {area.items.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} aria-current={item.href === current.href ? "page" : undefined} className="nav-phone-link">
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </details>
  );
}
