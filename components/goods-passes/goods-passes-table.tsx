"use client";

import { cellContent } from "@/components/ui/data-table";
import { DataTableView } from "@/components/ui/data-table-view";
import Link from "@/components/ui/link";
import type { GoodsPassState } from "@/lib/generated/prisma/enums";
import { GoodsPassStateBadgeView } from "./goods-pass-state-badge-view";

/** A goods pass as the list shows it, its texts already in the user's language. */
export interface GoodsPassLine {
  id: string;
  /** The pass's number, or the "not yet numbered" text (a pass is numbered when stamped, R-GP-3). */
  number: string;
  /** "tenant · unit". */
  tenant: string;
  direction: string;
  window: string;
  route: string;
  state: GoodsPassState;
  stateLabel: string;
  carrier: string;
  /** The site's name, when several sites are in view. */
  site?: string;
}

/**
 * The goods-pass list (/goods-passes, §5): the cells are written here from each pass's line, once for the
 * server's HTML and once on hydration, and handed to DataTableView, so that the page's RSC payload carries
 * a line of texts per pass instead of its cells' elements (docs/performance.md, "Fourteenth pass").
 */
export function GoodsPassesTable(props: {
  caption: string;
  empty: string;
  headers: { number: string; tenant: string; direction: string; window: string; state: string; carrier: string; site: string | null };
  lines: GoodsPassLine[];
}) {
  const { headers } = props;
  return (
    <DataTableView
      caption={props.caption}
      empty={props.empty}
      columns={[
        { header: headers.number },
        { header: headers.tenant },
        { header: headers.direction },
        { header: headers.window },
        { header: headers.state },
        { header: headers.carrier, wide: true },
        ...(headers.site ? [{ header: headers.site, wide: true }] : []),
      ]}
      rows={props.lines.map((r) => ({
        key: r.id,
        cells: [
          <Link key="number" className="whitespace-nowrap text-sky-700 underline" href={`/goods-passes/${r.id}`}>
            {r.number}
          </Link>,
          <span key="tenant" className="block min-w-40">
            {r.tenant}
          </span>,
          r.direction,
          <span key="window" className="block text-xs whitespace-nowrap text-slate-600">
            {r.window}
            <span className="block text-slate-400">{r.route}</span>
          </span>,
          <GoodsPassStateBadgeView key="state" state={r.state} label={r.stateLabel} />,
          r.carrier,
          ...(headers.site ? [r.site ?? ""] : []),
        ].map(cellContent),
      }))}
    />
  );
}
