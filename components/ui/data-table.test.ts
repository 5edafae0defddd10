/**
 * The one table: every cell carries its column's name for the phone's card, wide columns are marked for
 * the tablet, a value of one element (a link, a badge) is the cell's flex item as it is, anything that
 * may render several nodes is wrapped, and an empty list says so.
 */
import { createElement, Fragment } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable } from "./data-table";
import Link from "./link";

type Row = { id: string; number: string; tenant: string };
const rows: Row[] = [
  { id: "c1", number: "Z01-001", tenant: "信科贸易" },
  { id: "c2", number: "Z01-002", tenant: "联达贸易" },
];

function render(list: Row[]) {
  return renderToStaticMarkup(
    createElement(DataTable<Row>, {
      caption: "投诉",
      rows: list,
      rowKey: (r) => r.id,
      empty: "暂无记录",
      columns: [
        { header: "编号", cell: (r) => createElement(Link, { href: `/complaints/${r.id}` }, r.number) },
        { header: "业户", cell: (r) => r.tenant, wide: true },
        {
          header: "期限",
          cell: () => createElement(Fragment, null, createElement("span", null, "整改期限"), createElement("span", null, "已逾期")),
        },
      ],
    }),
  );
}

describe("DataTable", () => {
  it("labels every cell with its column, marks wide columns, and wraps only what may be several nodes", () => {
    const html = render(rows);
    expect(html.match(/<tr role="row">/g)).toHaveLength(3); // the header and two rows
    expect(html).toContain('<td role="cell" data-label="编号"><a data-nav="" href="/complaints/c1">Z01-001</a></td>');
    expect(html).toContain('<td role="cell" data-label="业户" class="data-cell-wide">信科贸易</td>');
    expect(html).toContain('<td role="cell" data-label="期限"><div><span>整改期限</span><span>已逾期</span></div></td>');
    expect(html).toContain('<th scope="col" role="columnheader" class="data-th data-cell-wide">业户</th>');
  });

  it("says so when there is nothing to list", () => {
    const html = render([]);
    expect(html).toContain('<tr role="row" data-empty="" class="block sm:table-row"><td role="cell" colSpan="3"');
    expect(html).toContain("暂无记录");
  });
});
