import { PassThrough } from "node:stream";
import { describe, expect, it, vi } from "vitest";
import { readXlsx } from "@/tests/support/xlsx";
import { xlsxResponse } from "./response";
import { DATE_FORMAT, DATE_TIME_FORMAT, attachmentDisposition, cleanText, wallClockDate, writeXlsx, type XlsxSheet } from "./xlsx";

/** The file as a browser receives it: the route handlers' streamed response, read to the end. */
async function fileOf(sheets: XlsxSheet[]): Promise<Buffer> {
  return Buffer.from(await xlsxResponse(sheets, "t.xlsx").arrayBuffer());
}

describe("xlsx writer", async () => {
  const file = await fileOf([
    {
      name: "投诉/期限",
      columns: [
        { header: "编号", width: 20 },
        { header: "业户" },
        { header: "到期" },
        { header: "数量", numFmt: "0.0" },
        { header: "暂定" },
        { header: "日期" },
      ],
      rows: [
        ["SA-20261127-001", "上海<某>公司 & Co", { localDateTime: "2026-11-27 23:59" }, 3, true, { localDate: "2026-11-30" }],
        ["SA-20261127-002", " 前后空格\u0007 ", null, undefined, false, ""],
      ],
    },
  ]);
  const [sheet] = await readXlsx(file);

  it("is a zip package exceljs reads back, with the cleaned sheet name", () => {
    expect(file.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    expect(sheet.name).toBe("投诉 期限");
  });

  it("writes a bold, frozen header row and the column widths", () => {
    expect(sheet.rows[0]).toEqual(["编号", "业户", "到期", "数量", "暂定", "日期"]);
    expect(sheet.worksheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.worksheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.worksheet.getColumn(1).width).toBe(20);
    expect(sheet.worksheet.getColumn(2).width).toBe(12);
  });

  it("keeps text as text, numbers as numbers and dates as dates in the given wall-clock time", () => {
    expect(sheet.rows[1]).toEqual([
      "SA-20261127-001",
      "上海<某>公司 & Co",
      new Date("2026-11-27T23:59:00Z"),
      3,
      true,
      new Date("2026-11-30T00:00:00Z"),
    ]);
    const row = sheet.worksheet.getRow(2);
    expect(row.getCell(3).numFmt).toBe(DATE_TIME_FORMAT);
    expect(row.getCell(6).numFmt).toBe(DATE_FORMAT);
    expect(row.getCell(4).numFmt).toBe("0.0");
    // The control character is dropped, the spaces kept; empty cells stay empty.
    expect(sheet.rows[2]).toEqual(["SA-20261127-002", " 前后空格 ", null, null, false, null]);
  });

  it("converts local date-times to zone-less wall-clock dates", () => {
    expect(wallClockDate("2026-01-01 12:00").toISOString()).toBe("2026-01-01T12:00:00.000Z");
    expect(wallClockDate("2026-01-01").toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(() => wallClockDate("2026-01-01 12")).toThrow(RangeError);
    expect(cleanText("a\uD800b\uFFFF")).toBe("ab");
    expect(cleanText("x".repeat(40_000))).toHaveLength(32_767);
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

describe("what a user typed never becomes a formula", async () => {
  const typed = ["=1+1", "@SUM(A1:A2)", "+1", "-2", '=HYPERLINK("http://example.com","x")', "0012", "1e3"];
  const [sheet] = await readXlsx(await fileOf([{ name: "输入", columns: [{ header: "内容" }], rows: typed.map((t) => [t]) }]));

  it("stays the same string, with no formula in the cell", () => {
    expect(sheet.rows.slice(1).map((r) => r[0])).toEqual(typed);
    for (let r = 2; r <= typed.length + 1; r++) {
      const cell = sheet.worksheet.getRow(r).getCell(1);
      expect(cell.formula).toBeUndefined();
      expect(typeof cell.value).toBe("string");
    }
  });
});

describe("xlsx workbook of several sheets", async () => {
  const sheets = await readXlsx(
    await fileOf([
      { name: "例会", columns: [{ header: "日期" }], rows: [[{ localDate: "2026-11-23" }]] },
      { name: "出勤", columns: [{ header: "人员" }, { header: "出勤率 %", numFmt: "0.0" }], rows: [["刘芳", 66.7]] },
      { name: "出勤", columns: [{ header: "事项" }], rows: [] },
    ]),
  );

  it("writes the sheets in order, each with its own rows", () => {
    // Excel refuses a workbook with two sheets of one name.
    expect(sheets.map((s) => s.name)).toEqual(["例会", "出勤", "出勤 (2)"]);
    expect(sheets[0].rows).toEqual([["日期"], [new Date("2026-11-23T00:00:00Z")]]);
    expect(sheets[1].rows).toEqual([
      ["人员", "出勤率 %"],
      ["刘芳", 66.7],
    ]);
    expect(sheets[2].rows).toEqual([["事项"]]);
  });

  it("needs at least one sheet", async () => {
    await expect(writeXlsx([], new PassThrough())).rejects.toThrow(RangeError);
  });
});

describe("streamed rows", () => {
  /** Rows of the deadline export's shape, as the database batch reader gives them: 500 at once, then a wait for the next query. */
  async function* rowsOf(count: number, seen: { produced: number; closed: boolean }) {
    try {
      for (let i = 1; i <= count; i++) {
        if (i % 500 === 1) await new Promise((r) => setTimeout(r, 2));
        seen.produced = i;
        // Text that compresses little, so the file's bytes grow with the rows as a real export's do.
        yield [
          `SA-${String(i).padStart(6, "0")}`,
          `业户${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`,
          { localDateTime: "2026-11-27 09:30" },
          i,
        ];
      }
    } finally {
      seen.closed = true;
    }
  }
  const columns = [{ header: "编号" }, { header: "业户" }, { header: "到期" }, { header: "序号" }];

  it("writes every row of an async source, in order, with text as text and dates as dates", async () => {
    const seen = { produced: 0, closed: false };
    const [sheet] = await readXlsx(await fileOf([{ name: "期限", columns, rows: rowsOf(2_500, seen) }]));
    expect(sheet.rows).toHaveLength(2_501);
    expect(sheet.rows.slice(1).map((r) => r[3])).toEqual(Array.from({ length: 2_500 }, (_, i) => i + 1));
    expect(sheet.rows[2_500][0]).toBe("SA-002500");
    expect(sheet.rows[1][2]).toEqual(new Date("2026-11-27T09:30:00Z"));
    expect(sheet.worksheet.getRow(2).getCell(3).numFmt).toBe(DATE_TIME_FORMAT);
    expect(sheet.worksheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.worksheet.getRow(1).getCell(1).font?.bold).toBe(true);
  });

  it("reads the source only as fast as the download takes the bytes, and stops when it is cancelled", async () => {
    const seen = { produced: 0, closed: false };
    const response = xlsxResponse([{ name: "期限", columns, rows: rowsOf(50_000, seen) }], "t.xlsx");
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.value?.subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    // Nobody reads: the writer settles and waits instead of building the rest of the file in memory.
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    let produced = -1;
    for (let i = 0; i < 30 && produced !== seen.produced; i++) {
      produced = seen.produced;
      await sleep(150);
    }
    expect(seen.produced).toBe(produced);
    expect(produced).toBeLessThan(10_000);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      await reader.cancel();
      await sleep(50);
      expect(seen.closed).toBe(true);
      expect(seen.produced).toBeLessThan(50_000);
      // A download the client cancelled is no failure of the server.
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
  });

  it("reads the source only as fast as the file is compressed, so the sheet's XML does not pile up in memory", async () => {
    const seen = { produced: 0, closed: false };
    const reader = xlsxResponse([{ name: "期限", columns, rows: rowsOf(20_000, seen) }], "t.xlsx").body!.getReader();
    const samples: { produced: number; bytes: number }[] = [];
    let bytes = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      bytes += chunk.value.length;
      samples.push({ produced: seen.produced, bytes });
    }
    // How far reading ran ahead of the bytes delivered, in rows (the file's bytes per row are about even).
    const rowsPerByte = 20_000 / bytes;
    const ahead = Math.max(...samples.map((s) => s.produced - s.bytes * rowsPerByte));
    expect(ahead).toBeLessThan(4_000);
  });

  it("breaks the download off when the source fails once the bytes flow", async () => {
    async function* failing() {
      yield ["SA-000001"];
      throw new Error("connection lost");
    }
    const logged: unknown[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      await expect(xlsxResponse([{ name: "期限", columns, rows: failing() }], "t.xlsx").arrayBuffer()).rejects.toThrow();
    } finally {
      console.error = error;
    }
    expect(String(logged.flat())).toContain("connection lost");
  });
});
