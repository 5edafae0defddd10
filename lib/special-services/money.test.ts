/**
 * R-SVC-1/2: prices in exact fen and the payment notice's amount in Chinese capitals. Expected words
 * follow 《正确填写票据和结算凭证的基本规定》 and its own examples, written out by hand.
 */
import { describe, expect, it } from "vitest";
import { amountInWords, fenToInput, formatYuan, MAX_PRICE_FEN, parsePriceFen } from "./money";

describe("amountInWords (大写)", () => {
  it.each([
    [0, "零元整"],
    [1, "壹分"],
    [5, "伍分"],
    [50, "伍角整"],
    [55, "伍角伍分"],
    [100, "壹元整"],
    [105, "壹元零伍分"],
    [1000, "壹拾元整"],
    [1500, "壹拾伍元整"],
    [10050, "壹佰元伍角整"],
    [12345, "壹佰贰拾叁元肆角伍分"],
    [12000, "壹佰贰拾元整"],
    [100005, "壹仟元零伍分"],
    [101010, "壹仟零壹拾元壹角整"],
    [168032, "壹仟陆佰捌拾元叁角贰分"],
    [1001000, "壹万零壹拾元整"],
    [1000000, "壹万元整"],
    [10000000, "壹拾万元整"],
    [10500000, "壹拾万零伍仟元整"],
    [10700053, "壹拾万零柒仟元伍角叁分"],
    [100000000, "壹佰万元整"],
    [101000000, "壹佰零壹万元整"],
    [1000000000, "壹仟万元整"],
    [10000000000, "壹亿元整"],
    [11000000000, "壹亿壹仟万元整"],
    [10001000000, "壹亿零壹万元整"],
    [10000000100, "壹亿零壹元整"],
    [100000000000000, "壹万亿元整"],
    [100010000000000, "壹万零壹亿元整"],
    [123456789012345, "壹万贰仟叁佰肆拾伍亿陆仟柒佰捌拾玖万零壹佰贰拾叁元肆角伍分"],
  ])("%i fen → %s", (fen, words) => {
    expect(amountInWords(fen)).toBe(words);
  });

  it("never writes a bare 拾 or two 零 in a row", () => {
    for (const fen of [1000, 1000000, 10000000, 1001000, 100100100, 9_007_199_254_740_991]) {
      const words = amountInWords(fen);
      expect(words.startsWith("拾")).toBe(false);
      expect(words).not.toMatch(/零零/);
      expect(words).not.toMatch(/零[元万亿]/);
    }
  });

  it("refuses what is not an amount in fen", () => {
    expect(() => amountInWords(-1)).toThrow(RangeError);
    expect(() => amountInWords(1.5)).toThrow(RangeError);
    expect(() => amountInWords(Number.MAX_SAFE_INTEGER + 1)).toThrow(RangeError);
  });
});

describe("formatYuan / fenToInput (figures)", () => {
  it("two decimals, thousands grouped", () => {
    expect(formatYuan(0)).toBe("0.00");
    expect(formatYuan(5)).toBe("0.05");
    expect(formatYuan(12345)).toBe("123.45");
    expect(formatYuan(100000000)).toBe("1,000,000.00");
    expect(fenToInput(100050)).toBe("1000.50");
  });
});

describe("parsePriceFen (R-SVC-1: a positive price in yuan, two decimals at most)", () => {
  it.each([
    ["120", 12000],
    ["120.5", 12050],
    ["120.50", 12050],
    ["0.01", 1],
    [" 1,234.56 ", 123456],
    ["¥88", 8800],
    ["１２０．５", 12050],
    ["12.", 1200],
    [".5", 50],
    ["1000000", MAX_PRICE_FEN],
  ])("%s → %i fen", (text, fen) => {
    expect(parsePriceFen(text)).toEqual({ ok: true, fen });
  });

  it("is exact where floating point is not (0.29 × 100 = 28.999…)", () => {
    expect(parsePriceFen("0.29")).toEqual({ ok: true, fen: 29 });
    expect(parsePriceFen("1.15")).toEqual({ ok: true, fen: 115 });
    expect(parsePriceFen("4.35")).toEqual({ ok: true, fen: 435 });
  });

  it.each([
    ["", "required"],
    ["   ", "required"],
    ["-5", "negative"],
    ["-0.01", "negative"],
    ["－３", "negative"],
    ["-0", "zero"],
    ["0", "zero"],
    ["0.00", "zero"],
    ["abc", "notNumber"],
    ["12元", "notNumber"],
    ["1e3", "notNumber"],
    ["1.2.3", "notNumber"],
    ["-", "notNumber"],
    [".", "notNumber"],
    ["12.345", "tooManyDecimals"],
    ["1000000.01", "tooLarge"],
    ["99999999999", "tooLarge"],
  ])("%j is refused: %s", (text, problem) => {
    expect(parsePriceFen(text)).toEqual({ ok: false, problem });
  });
});
