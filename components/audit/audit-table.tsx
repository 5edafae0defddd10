"use client";

import { cellContent } from "@/components/ui/data-table";
import { DataTableView } from "@/components/ui/data-table-view";
import Link from "@/components/ui/link";

/** An audit row as the trail shows it, its texts already in the user's language. */
export interface AuditLine {
  id: string;
  /** The instant (ISO) and its local wall time at the row's site. */
  atIso: string;
  at: string;
  who: string;
  site: string;
  /** "entity · action". */
  what: string;
  /** The record the row is about: a link when it can be opened, else its label, or nothing. */
  record: { href: string | null; label: string | null };
  /** One "field: before → after" text per change (redacted fields already say so). */
  changes: string[];
}

/**
 * The audit trail (/audit, read only): the cells are written here from each row's line, once for the
 * server's HTML and once on hydration, and handed to DataTableView, so that the page's RSC payload
 * carries a line of texts per row instead of its cells' elements (docs/performance.md, "Fourteenth pass").
 */
export function AuditTable(props: {
  caption: string;
  empty: string;
  headers: { at: string; who: string; site: string; what: string; changes: string };
  lines: AuditLine[];
}) {
  const { headers } = props;
  return (
    <DataTableView
      notRecords="log"
      caption={props.caption}
      empty={props.empty}
      columns={[
        { header: headers.at },
        { header: headers.who },
        { header: headers.site, wide: true },
        { header: headers.what },
        { header: headers.changes },
      ]}
      rows={props.lines.map((r) => ({
        key: r.id,
        cells: [
          <time key="at" dateTime={r.atIso}>
            {r.at}
          </time>,
          r.who,
          r.site,
          <span key="what" className="flex flex-col">
            <span>{r.what}</span>
            {r.record.href ? (
              <Link className="text-sky-700 underline" href={r.record.href}>
                {r.record.label}
              </Link>
            ) : r.record.label ? (
              <span>{r.record.label}</span>
            ) : null}
          </span>,
          <ul key="changes" className="text-xs" data-testid="audit-changes">
            {r.changes.map((change, i) => (
              <li key={i}>{change}</li>
            ))}
          </ul>,
        ].map(cellContent),
      }))}
    />
  );
}
