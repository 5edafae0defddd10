/**
 * Money of special services (R-SVC-1), pure: prices are typed in yuan with at most two decimals and
 * kept as integer fen (分), so every amount is exact; the payment notice 《缴费通知单》 prints them in
 * figures and in Chinese capitals (大写). No floating-point arithmetic touches an amount.
 */

/** The highest price a form accepts: 1 000 000.00 yuan. */
export const MAX_PRICE_FEN = 100_000_000;

export type PriceProblem = "required" | "negative" | "notNumber" | "tooManyDecimals" | "zero" | "tooLarge";

/**
 * "120", "120.5", "120.50", " 1,234.56 ", "１２０" (full-width digits from a Chinese keyboard) → fen.
 * A price is positive (a paid service, R-SVC-1), at most two decimals (分), at most MAX_PRICE_FEN.
 */
export function parsePriceFen(raw: string): { ok: true; fen: number } | { ok: false; problem: PriceProblem } {
  const text = raw
    .replace(/[０-９．，－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/^[¥￥]/, "")
    .replace(/\s+/g, "")
    .replace(/,/g, "");
  if (text === "") return { ok: false, problem: "required" };
  const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
  // At least one digit: "-", "." and "-." are no numbers.
  if (!match || !/\d/.test(text)) return { ok: false, problem: "notNumber" };
  const [, minus, yuan, decimals = ""] = match;
  if (minus) return { ok: false, problem: /[1-9]/.test(text) ? "negative" : "zero" };
  if (decimals.length > 2) return { ok: false, problem: "tooManyDecimals" };
  // Digits only from here: no parseFloat, the fen are counted from the text itself.
  if (yuan.replace(/^0+/, "").length > 7) return { ok: false, problem: "tooLarge" };
  const fen = Number(yuan) * 100 + Number(decimals.padEnd(2, "0"));
  if (fen === 0) return { ok: false, problem: "zero" };
  if (fen > MAX_PRICE_FEN) return { ok: false, problem: "tooLarge" };
  return { ok: true, fen };
}

/** 12345 → "123.45"; 100000000 → "1,000,000.00" (figures on the notice and in lists). */
export function formatYuan(fen: number): string {
  assertFen(fen);
  const yuan = Math.floor(fen / 100).toString();
  const cents = (fen % 100).toString().padStart(2, "0");
  return `${yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${cents}`;
}

/** 12345 → "123.45" without grouping: the value a price field is edited from. */
export function fenToInput(fen: number): string {
  assertFen(fen);
  return `${Math.floor(fen / 100)}.${(fen % 100).toString().padStart(2, "0")}`;
}

const DIGITS = ["零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"];
const IN_GROUP = ["", "拾", "佰", "仟"];
/** Names of the groups of four digits: 万 after the 4th, 亿 after the 8th, 万 again after the 12th (万亿). */
const GROUPS = ["", "万", "亿", "万"];

function assertFen(fen: number) {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount in fen: ${fen}`);
}

/**
 * An amount in Chinese capitals as cheques and payment notices write it (中国人民银行《支付结算办法》附件
 * 《正确填写票据和结算凭证的基本规定》):
 * - 壹拾 is written out (10 → 壹拾元整), never a bare 拾;
 * - zeros between significant digits of the yuan are one 零 (10010 → 壹万零壹拾元整; 100010000 → 壹亿零壹万元整);
 * - a yuan amount without 角 and 分 ends in 整; with 角 and no 分 we also write 整 (the rule allows either:
 *   it leaves no room to add a 分 afterwards); after 分 never 整;
 * - 角 zero and 分 not: 零 after 元 (1000.05 → 壹仟元零伍分); below one yuan no 零元 (0.05 → 伍分);
 * - where the yuan end in 0 and 角 is not 0 the rule allows a 零 or none: we write none (1680.32 →
 *   壹仟陆佰捌拾元叁角贰分);
 * - nothing at all is 零元整; groups of four digits are named 万, 亿, 万亿.
 */
export function amountInWords(fen: number): string {
  assertFen(fen);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cent = fen % 10;
  if (fen === 0) return "零元整";

  let words = yuan > 0 ? `${integerInWords(yuan)}元` : "";
  if (jiao === 0 && cent === 0) return `${words}整`;
  if (jiao > 0) words += `${DIGITS[jiao]}角`;
  else if (yuan > 0) words += "零";
  if (cent > 0) return `${words}${DIGITS[cent]}分`;
  return `${words}整`;
}

/** A positive whole number of yuan in capitals. */
function integerInWords(n: number): string {
  const digits = n.toString();
  let words = "";
  let pendingZero = false;
  for (let i = 0; i < digits.length; i++) {
    const position = digits.length - 1 - i;
    const digit = Number(digits[i]);
    const inGroup = position % 4;
    const group = Math.floor(position / 4);
    if (digit === 0) {
      pendingZero = words !== "";
    } else {
      if (pendingZero) words += "零";
      pendingZero = false;
      words += DIGITS[digit] + IN_GROUP[inGroup];
    }
    // The group's name once, after its last digit, if any digit of the group is not zero.
    if (inGroup === 0 && group > 0) {
      // 亿 also closes the 万亿 group above it: 1 0000 0000 0000 is 壹万亿, 1 0001 0000 0000 壹万零壹亿.
      const groupDigits = group === 2 ? digits.slice(0, i + 1) : digits.slice(Math.max(0, i - 3), i + 1);
      if (/[1-9]/.test(groupDigits)) {
        words += GROUPS[group];
        // A zero before the group's name belongs to the group; the next group starts afresh.
        if (digit === 0) pendingZero = true;
      }
    }
  }
  return words;
}
