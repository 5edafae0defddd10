import { AccessError } from "@/lib/auth/guard";
import { refusalResponse, xlsxResponse } from "@/lib/xlsx/response";
import { exportGoodsPasses, parseGoodsPassFilter } from "@/lib/goods-passes/lists.queries";
import { GOODS_EXPORT_MAX_ROWS } from "@/lib/goods-passes/rules";
import { translator } from "@/lib/i18n/server";
import { mapRows, type XlsxCell } from "@/lib/xlsx/xlsx";

export const dynamic = "force-dynamic";

/**
 * GET /goods-passes/export?<the list's filter> — the filtered goods passes as .xlsx, all matching rows
 * up to GOODS_EXPORT_MAX_ROWS. The data layer checks goodspass:export and the sites before the file
 * starts; the rows are read in batches while it is streamed.
 */
export async function GET(request: Request) {
  const filter = parseGoodsPassFilter(Object.fromEntries(new URL(request.url).searchParams));
  let result: Awaited<ReturnType<typeof exportGoodsPasses>>;
  try {
    result = await exportGoodsPasses(filter);
  } catch (err) {
    if (err instanceof AccessError) return refusalResponse(err);
    throw err;
  }

  // An office document: Chinese headers and values whatever the UI language.
  const t = translator("zh-CN");
  const h = (key: string) => t(`goodsLists.columns.${key}`);
  const columns = [
    { header: h("number"), width: 20 },
    { header: h("site"), width: 14 },
    { header: h("tenant"), width: 28 },
    { header: h("unit"), width: 10 },
    { header: h("direction"), width: 6 },
    { header: h("state"), width: 10 },
    { header: h("route"), width: 14 },
    { header: h("windowStart"), width: 17 },
    { header: h("windowEnd"), width: 17 },
    { header: h("carrier"), width: 10 },
    { header: h("items"), width: 48 },
    { header: h("authorization"), width: 12 },
    { header: h("approvedAt"), width: 17 },
    { header: h("releasedAt"), width: 17 },
    { header: h("rejectedReason"), width: 24 },
  ];
  const when = (local: string | null): XlsxCell => (local ? { localDateTime: local } : null);
  const rows = mapRows(result.rows, (r) => [
    r.number ?? t("goodsLists.unnumbered"),
    r.site.name,
    r.tenantName,
    r.unitCode,
    t(`goodsLists.directions.${r.direction}`),
    t(`goodsLists.states.${r.state}`),
    r.routeName,
    // Local wall-clock time of the pass's site, as real Excel date-times.
    { localDateTime: r.startLocal },
    { localDateTime: r.endLocal },
    r.carrierName,
    r.items,
    r.authorization ? t(`goodsLists.authorizations.${r.authorization}`) : "",
    when(r.approvedLocal),
    when(r.releasedLocal),
    r.rejectedReason,
  ]);
  return xlsxResponse([{ name: t("goodsLists.export.sheet"), columns, rows }], `goods-passes-${result.today.replaceAll("-", "")}.xlsx`, {
    ...(result.truncated ? { "X-Export-Truncated": String(GOODS_EXPORT_MAX_ROWS) } : {}),
  });
}
