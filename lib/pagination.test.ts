import { describe, expect, it } from "vitest";
import { dateParam, filterQuery, keysetRows, monthParam, oneOf, pageRequest, param, rowsOfKeys } from "./pagination";

describe("GET params of list pages and exports", () => {
  it("param: the first value, trimmed and bounded; empty is none", () => {
    expect(param([" a ", "b"])).toBe("a");
    expect(param("  ")).toBeUndefined();
    expect(param("abcdef", 3)).toBe("abc");
  });

  it("oneOf: only one of the listed values", () => {
    const states = ["OPEN", "CLOSED"] as const;
    expect(oneOf(states, "OPEN")).toBe("OPEN");
    expect(oneOf(states, ["CLOSED", "OPEN"])).toBe("CLOSED");
    expect(oneOf(states, "open")).toBeUndefined();
    expect(oneOf(states, undefined)).toBeUndefined();
  });

  it("dateParam and monthParam: real dates and months only", () => {
    expect(dateParam("2026-02-28")).toBe("2026-02-28");
    expect(dateParam("2026-02-30")).toBeUndefined();
    expect(dateParam("2026-2-1")).toBeUndefined();
    expect(monthParam("2026-12")).toBe("2026-12");
    expect(monthParam("2026-13")).toBeUndefined();
    expect(monthParam("2026-1")).toBeUndefined();
  });

  it("filterQuery: the set values as a query string", () => {
    expect(filterQuery({ q: "张 三", site: undefined, state: "OPEN" })).toBe("?q=%E5%BC%A0+%E4%B8%89&state=OPEN");
    expect(filterQuery({ site: undefined })).toBe("");
  });

  it("pageRequest: garbage is page 1", () => {
    expect(pageRequest("3", 10)).toEqual({ page: 3, skip: 20, take: 10 });
    expect(pageRequest("-1").page).toBe(1);
  });
});

describe("keysetRows: an export's rows read in batches", () => {
  const list = Array.from({ length: 7 }, (_, i) => ({ key: i + 1 }));
  const reader = () => {
    const reads: { after: number | null; take: number }[] = [];
    const readBatch = async (after: { key: number } | null, take: number) => {
      reads.push({ after: after?.key ?? null, take });
      return list.filter((r) => r.key > (after?.key ?? 0)).slice(0, take);
    };
    return { reads, readBatch };
  };
  const all = async <T>(rows: AsyncIterable<T>) => {
    const out: T[] = [];
    for await (const row of rows) out.push(row);
    return out;
  };

  it("returns every row once, in order, across batch boundaries", async () => {
    const { reads, readBatch } = reader();
    expect((await all(keysetRows(readBatch, { batchSize: 3, maxRows: 100 }))).map((r) => r.key)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // Each batch starts after the last row of the one before; a short batch is the last.
    expect(reads).toEqual([
      { after: null, take: 3 },
      { after: 3, take: 3 },
      { after: 6, take: 3 },
    ]);
  });

  it("stops at the limit without reading past it", async () => {
    const { reads, readBatch } = reader();
    expect((await all(keysetRows(readBatch, { batchSize: 3, maxRows: 4 }))).map((r) => r.key)).toEqual([1, 2, 3, 4]);
    expect(reads).toEqual([
      { after: null, take: 3 },
      { after: 3, take: 1 },
    ]);
  });

  it("reads nothing before the first row is asked for, and nothing after the consumer stops", async () => {
    const { reads, readBatch } = reader();
    const rows = keysetRows(readBatch, { batchSize: 2, maxRows: 100 });
    expect(reads).toHaveLength(0);
    for await (const row of rows) if (row.key === 2) break;
    expect(reads).toHaveLength(1);
  });
});

describe("rowsOfKeys: an export's rows looked up by keys read up front", () => {
  const all = async <T>(rows: AsyncIterable<T>) => {
    const out: T[] = [];
    for await (const row of rows) out.push(row);
    return out;
  };

  it("looks the keys up batch by batch, in their order, and yields what each lookup returns", async () => {
    const reads: string[][] = [];
    // A key whose row is gone ("c") is simply not returned by its lookup.
    const readBatch = async (keys: string[]) => (reads.push(keys), keys.filter((k) => k !== "c").map((k) => k.toUpperCase()));
    expect(await all(rowsOfKeys(["a", "b", "c", "d", "e"], readBatch, 2))).toEqual(["A", "B", "D", "E"]);
    expect(reads).toEqual([["a", "b"], ["c", "d"], ["e"]]);
    expect(await all(rowsOfKeys([], readBatch, 2))).toEqual([]);
    expect(reads).toHaveLength(3);
  });

  it("reads nothing before the first row is asked for, and nothing after the consumer stops", async () => {
    const reads: number[][] = [];
    const rows = rowsOfKeys([1, 2, 3, 4, 5], async (keys) => (reads.push(keys), keys), 2);
    expect(reads).toHaveLength(0);
    for await (const row of rows) if (row === 2) break;
    expect(reads).toEqual([[1, 2]]);
  });
});
