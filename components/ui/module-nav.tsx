import Link from "@/components/ui/link";

/**
 * A module's own tabs and, for a user of several sites, the site switch (kept in `?site=`): 44 px
 * targets, the current tab marked for assistive technology.
 */
export function ModuleNav(props: {
  label: string;
  siteLabel: string;
  links: readonly { key: string; href: string; label: string }[];
  current: string;
  sites: { id: string; name: string }[];
  siteId?: string;
}) {
  const q = props.siteId ? `?site=${encodeURIComponent(props.siteId)}` : "";
  return (
    <div className="mb-4 flex flex-col gap-2">
      <nav aria-label={props.label} className="flex flex-wrap gap-1 text-sm">
        {props.links.map((link) => (
          <Link
            key={link.key}
            href={`${link.href}${q}`}
            aria-current={props.current === link.key ? "page" : undefined}
            className={`inline-flex min-h-11 items-center rounded-md px-3 ${props.current === link.key ? "bg-sky-700 text-white" : "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50"}`}
          >
            {link.label}
          </Link>
        ))}
      </nav>
      {props.sites.length > 1 ? (
        <nav aria-label={props.siteLabel} className="flex flex-wrap gap-1 text-xs">
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
