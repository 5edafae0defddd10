// The performance budget (README, "Performance"): checked by `npm run bench` on the scale data.
export const BUDGET = {
  /** Every page's requests per second, as a share of the bare page's in the same run. */
  minRatio: 0.3,
  /** Every page's p99 latency at most this multiple of the bare page's. */
  maxP99Multiple: 4,
  /** First-load JavaScript (gzipped sum of the page's scripts) over the bare page's. */
  maxExtraJsBytes: 40 * 1024,
  /** The server's resident memory after the run. */
  maxRssMb: 400,
  /** Every page's req/s on three years of data as a share of its req/s on three months. */
  minGrowthRatio: 0.8,
  /**
   * Responses still in the server's heap after the run (decision 022): requests it has kept. Some are
   * held by bounded holders, each keeping the request it was created in: Prisma's last 100 closed
   * transactions, a module first loaded during a request, a database connection opened during one
   * (~140 after a run). The leak of decision 022 kept every request that overlapped another: thousands.
   */
  maxHeldResponses: 500,
};

export interface PageResult {
  name: string;
  path: string;
  user: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  timeouts: number;
  cpuMsPerRequest: number | null;
  requests: number;
  status: number;
  htmlBytes: number;
  inlineScriptChars: number;
  jsGzipBytes: number;
  /** The same page's req/s on the three-month database, driven right after (null: not compared). */
  reqPerSecShort?: number | null;
  /**
   * The page's req/s on the three-year database pooled over its measured run and the one after the
   * three-month runs (the growth check's side; absent: reqPerSec).
   */
  reqPerSecLong?: number | null;
  /** The first refusal or failure of a form submission. */
  firstError?: string | null;
}

/** Requests per second over several runs of one page: all their requests over all their seconds. */
export function pooledRate(runs: { requests: number; seconds: number }[]): number {
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  return seconds > 0 ? Math.round((runs.reduce((sum, r) => sum + r.requests, 0) / seconds) * 10) / 10 : 0;
}

/** A page's throughput on three years of data as a share of its throughput on three months (null: not compared). */
export function growthOf(p: Pick<PageResult, "reqPerSec" | "reqPerSecShort" | "reqPerSecLong">): number | null {
  return p.reqPerSecShort ? (p.reqPerSecLong ?? p.reqPerSec) / p.reqPerSecShort : null;
}

/** Errors and timeouts always count; ratios, latency, growth, JS weight, memory and kept requests only on a full run. */
export function checkBudget(
  pages: PageResult[],
  baseline: PageResult | null,
  rssMb: number,
  { enforceRatios, heldResponses = 0 }: { enforceRatios: boolean; heldResponses?: number | null },
) {
  const failures: string[] = [];
  for (const p of pages) {
    if (p.errors > 0 || p.timeouts > 0) failures.push(`${p.name}: ${p.errors} errors, ${p.timeouts} timeouts`);
    if (p.status >= 400) failures.push(`${p.name}: HTTP ${p.status}`);
    if (p.requests === 0) failures.push(`${p.name}: no request completed`);
    if (!enforceRatios || !baseline) continue;
    const ratio = p.reqPerSec / baseline.reqPerSec;
    if (ratio < BUDGET.minRatio) failures.push(`${p.name}: ${ratio.toFixed(2)}× the baseline's req/s (< ${BUDGET.minRatio})`);
    if (p.p99 > BUDGET.maxP99Multiple * baseline.p99)
      failures.push(`${p.name}: p99 ${p.p99} ms > ${BUDGET.maxP99Multiple}× ${baseline.p99} ms`);
    if (p.jsGzipBytes > baseline.jsGzipBytes + BUDGET.maxExtraJsBytes)
      failures.push(`${p.name}: first-load JS ${Math.round(p.jsGzipBytes / 1024)} KB > baseline + 40 KB`);
    const growth = growthOf(p);
    if (growth !== null && growth < BUDGET.minGrowthRatio)
      failures.push(`${p.name}: ${growth.toFixed(2)}× its req/s on three months (< ${BUDGET.minGrowthRatio})`);
  }
  if (enforceRatios && rssMb > BUDGET.maxRssMb) failures.push(`server RSS ${rssMb} MB > ${BUDGET.maxRssMb} MB`);
  if (enforceRatios) {
    if (heldResponses === null) failures.push("the server's heap snapshot was too large to read: requests are kept");
    else if (heldResponses > BUDGET.maxHeldResponses)
      failures.push(`the server still holds ${heldResponses} responses after the run (> ${BUDGET.maxHeldResponses}): requests are kept`);
  }
  return { ok: failures.length === 0, failures };
}
