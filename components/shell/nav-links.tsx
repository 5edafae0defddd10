"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** Navigation entries come from the permission table (lib/permissions.ts ROUTES), built on the server. */
export function NavLinks({ items }: { items: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-col gap-1 md:flex-row md:flex-wrap">
      {items.map((item) => {
        const active = item.href === "/" ? pathname === "/" : pathname.startsWith(item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={`block rounded-md px-3 py-2 text-sm ${active ? "bg-sky-700 text-white" : "text-slate-700 hover:bg-slate-200"}`}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
