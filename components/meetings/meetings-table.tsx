"use client";

import { DataTableView } from "@/components/ui/data-table-view";
import Link from "@/components/ui/link";

/** A meeting as the list shows it (§3.4), its texts already in the user's language. */
export interface MeetingLine {
  id: string;
  /** "date time" of the meeting. */
  when: string;
  seriesName: string;
  siteName: string;
  state: string;
  place: string;
}

/**
 * The meeting list (/meetings): the cells are written here from each meeting's line, once for the
 * server's HTML and once on hydration, so that the page's RSC payload carries a line of texts per
 * meeting instead of its cells' elements (decision 027).
 */
export function MeetingsTable(props: {
  caption: string;
  empty: string;
  headers: { when: string; series: string; state: string; place: string; site: string };
  lines: MeetingLine[];
}) {
  const { headers } = props;
  return (
    <DataTableView
      caption={props.caption}
      empty={props.empty}
      columns={[
        { header: headers.when },
        { header: headers.series },
        { header: headers.state },
        { header: headers.place, wide: true },
        { header: headers.site, wide: true },
      ]}
      rows={props.lines.map((r) => ({
        key: r.id,
        cells: [
          <Link key="when" className="whitespace-nowrap text-sky-700 underline" href={`/meetings/${r.id}`}>
            {r.when}
          </Link>,
          // On a phone the site column is hidden: the site goes under the series name.
          <div key="series">
            {r.seriesName}
            <span className="block text-xs text-slate-500 sm:hidden">{r.siteName}</span>
          </div>,
          r.state,
          r.place,
          r.siteName,
        ],
      }))}
    />
  );
}
