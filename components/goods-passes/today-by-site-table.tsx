"use client";

import { DataTableView } from "@/components/ui/data-table-view";
import Link from "@/components/ui/link";

/** A site's moves today as the many-sites goods-pass page shows them (R-GP-5). */
export interface TodayBySiteLine {
  id: string;
  name: string;
  /** The site's local today. */
  date: string;
  moves: number;
  pending: number;
  approved: number;
  released: number;
  /** The first start today of a move not yet released ('HH:mm'), or "—". */
  next: string;
}

/**
 * Today's moves, one line per site (components/goods-passes/today-by-site.tsx): the cells are written
 * here from each site's figures, once for the server's HTML and once on hydration, so that the page's
 * RSC payload carries a line of figures per site instead of its cells' elements (decision 027).
 */
export function TodayBySiteTable(props: {
  caption: string;
  headers: { site: string; date: string; moves: string; pending: string; approved: string; released: string; next: string };
  lines: TodayBySiteLine[];
}) {
  const { headers } = props;
  return (
    <DataTableView
      notRecords="figures"
      caption={props.caption}
      empty="—"
      columns={[
        { header: headers.site },
        { header: headers.date, wide: true },
        { header: headers.moves },
        { header: headers.pending },
        { header: headers.approved },
        { header: headers.released, wide: true },
        { header: headers.next },
      ]}
      rows={props.lines.map((r) => ({
        key: r.id,
        cells: [
          <Link key="site" className="text-sky-700 underline" href={`/goods-passes?site=${r.id}`}>
            {r.name}
          </Link>,
          r.date,
          r.moves,
          r.pending,
          r.approved,
          r.released,
          r.next,
        ],
      }))}
    />
  );
}
