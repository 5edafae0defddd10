import type { ReactNode } from "react";
import Link from "./link";

/**
 * The one-line-per-site view of a page for a reader of many sites (lib/many-sites.ts): its title, a hint
 * (how many sites; what choosing one shows) and the lines.
 */
export function BySiteSection(props: { id: string; title: string; hint: string; children: ReactNode }) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id} className="text-base font-semibold text-slate-900">
        {props.title}
      </h2>
      <p className="mb-2 text-xs text-slate-500">{props.hint}</p>
      {props.children}
    </section>
  );
}

/** Each site's name opening that site's page, beside what the page counts there; each line a touch target. */
export function SiteLines(props: { testId: string; lines: { id: string; name: string; href: string; detail: ReactNode }[] }) {
  return (
    <ul className="flex flex-col text-sm" data-testid={props.testId}>
      {props.lines.map((line) => (
        <li key={line.id} className="flex min-h-11 flex-wrap items-center gap-x-2">
          <Link href={line.href} className="text-sky-700 underline">
            {line.name}
          </Link>
          {line.detail}
        </li>
      ))}
    </ul>
  );
}

/** The link from a summary's first lines to every site's, and back (lib/many-sites.ts summaryLines). */
export function SiteLinesToggle(props: { href: string; label: string }) {
  return (
    <p className="text-sm">
      <Link href={props.href} className="inline-flex min-h-11 items-center text-sky-700 underline" data-testid="site-lines-toggle">
        {props.label}
      </Link>
    </p>
  );
}
