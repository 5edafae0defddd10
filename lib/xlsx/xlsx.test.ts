import { describe, expect, it } from "vitest";
import { unzip } from "@/tests/support/unzip";
import { attachmentDisposition, buildXlsx, buildXlsxWorkbook, columnName, escapeXml, excelSerial } from "./xlsx";
import { crc32 } from "./zip";

describe("zip", () => {
  it("computes the standard CRC-32", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });
});

describe("xlsx writer", () => {
  const file = buildXlsx({
    name: "投诉/期限",
    columns: [{ header: "编号", width: 20 }, { header: "业户" }, { header: "到期" }, { header: "数量" }, { header: "暂定" }],
    rows: [
      ["SA-20261127-001", "上海<某>公司 & Co", { localDateTime: "2026-11-27 23:59" }, 3, true],
      ["SA-20261127-002", " 前后空格\u0007 ", null, undefined, false],
    ],
  });
  const parts = unzip(file);

  it("is a zip with the parts Excel needs", () => {
    expect(file.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect([...parts.keys()]).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    expect(parts.get("xl/workbook.xml")!.toString()).toContain('<sheet name="投诉 期限"');
  });

  it("writes the header, escaped inline strings, numbers, booleans and dates", () => {
    const sheet = parts.get("xl/worksheets/sheet1.xml")!.toString("utf8");
    expect(sheet).toContain('<dimension ref="A1:E3"/>');
    expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t>编号</t></is></c>');
    expect(sheet).toContain('<c r="B2" t="inlineStr"><is><t>上海&lt;某&gt;公司 &amp; Co</t></is></c>');
    expect(sheet).toContain(`<c r="C2" s="2"><v>${excelSerial("2026-11-27 23:59")}</v></c>`);
    expect(sheet).toContain('<c r="D2"><v>3</v></c><c r="E2" t="b"><v>1</v></c>');
    // The control character is dropped, the spaces kept; empty cells are left out.
    expect(sheet).toContain(
      '<row r="3"><c r="A3" t="inlineStr"><is><t>SA-20261127-002</t></is></c><c r="B3" t="inlineStr"><is><t xml:space="preserve"> 前后空格 </t></is></c><c r="E3" t="b"><v>0</v></c></row>',
    );
  });

  it("names columns and converts local date-times like Excel", () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
    expect(excelSerial("1900-03-01 00:00")).toBe(61);
    expect(excelSerial("2026-01-01 12:00")).toBe(46023.5);
    expect(() => excelSerial("2026-01-01")).toThrow(RangeError);
    expect(escapeXml('a"b\uD800c')).toBe("a&quot;bc");
  });

  it("sends the name as UTF-8 with an ASCII fallback", () => {
    expect(attachmentDisposition("complaints-20261127.xlsx")).toBe(
      `attachment; filename="complaints-20261127.xlsx"; filename*=UTF-8''complaints-20261127.xlsx`,
    );
    expect(attachmentDisposition("投诉 (1).xlsx")).toBe(
      `attachment; filename="__ (1).xlsx"; filename*=UTF-8''%E6%8A%95%E8%AF%89%20%281%29.xlsx`,
    );
  });
});

describe("xlsx workbook of several sheets", () => {
  const parts = unzip(
    buildXlsxWorkbook([
      { name: "例会", columns: [{ header: "日期" }], rows: [["2026-11-23"]] },
      { name: "出勤", columns: [{ header: "人员" }], rows: [["刘芳"]] },
      { name: "出勤", columns: [{ header: "事项" }], rows: [] },
    ]),
  );

  it("writes one part per sheet, declared in the content types, relations and workbook", () => {
    expect(parts.get("xl/worksheets/sheet2.xml")!.toString()).toContain("刘芳");
    expect(parts.get("xl/worksheets/sheet3.xml")!.toString()).toContain("事项");
    expect(parts.get("[Content_Types].xml")!.toString()).toContain("/xl/worksheets/sheet3.xml");
    const rels = parts.get("xl/_rels/workbook.xml.rels")!.toString();
    expect(rels).toContain(
      'Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"',
    );
    expect(rels).toContain('Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"');
    const workbook = parts.get("xl/workbook.xml")!.toString();
    expect(workbook).toContain('<sheet name="例会" sheetId="1" r:id="rId1"/>');
    // Excel refuses a workbook with two sheets of one name.
    expect(workbook).toContain('<sheet name="出勤 (2)" sheetId="3" r:id="rId3"/>');
  });
});
