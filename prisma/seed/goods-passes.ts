/**
 * Demo goods passes 《携物出入门证》 (§5, R-GP-1..7), so the lists, the stamp flow and the gate have
 * something to show from the first start:
 *
 * - per site 2–3 loading routes (R-GP-5) and, company-wide, the hazard list (R-GP-4) when it is empty;
 * - for ~10 tenants per site an authorised signatory (R-GP-2) with a company certificate and a
 *   specimen signature: StoredFile rows over two small PNGs written into the storage folder with the
 *   layout of lib/storage (DATA_DIR/files/ab/cd/<sha256>.png, content-addressed), uploaded by the clerk;
 * - ~30 passes per site from two weeks ago to tomorrow: mostly released or stamped, with gapless
 *   numbers per approval day (R-GP-3; the seed then brings the daily counters in step), some pending for today (the
 *   stamp flow's demo), two rejected; out-going passes carry the seal photo or a registered
 *   signatory's signature (R-GP-2). No two non-rejected moves overlap on a route (R-GP-5). Tenants
 *   with a unit under renovation get none (R-GP-6).
 *
 * Deterministic (PRNG stream per site; dates are the site's local days relative to `now`), and
 * idempotent per site: a site that already has loading routes gets nothing. One transaction per run;
 * no audit rows (like the other seeds). Relative imports only: the seed runs under tsx.
 */
import { createHash } from "node:crypto";
import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { addDays, dateColumn, instantFromLocalDateTime, localDateInZone, type LocalDate } from "../../lib/calendar";
import { env } from "../../lib/env";
import type { Prisma, PrismaClient } from "../../lib/generated/prisma/client";
import type { FileKind, GoodsDirection, GoodsPassState, PassAuthorization } from "../../lib/generated/prisma/enums";
import { formatDailyNumber } from "../../lib/daily-number";
import { overlaps, type Busy } from "../../lib/goods-passes/rules";
import { GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, MOBILE_PREFIXES, SITES, SURNAMES } from "./data";
import { pngOf, WHITE } from "./png";
import { mulberry32, seedFrom, type Rng } from "./random";

type Tx = Prisma.TransactionClient;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const HAZARD_TERMS = [
  ..."汽油 酒精 油漆 香蕉水 硫酸 盐酸 烟花 鞭炮 液化气 天那水 稀释剂 氧气瓶 煤气罐 易燃 易爆 剧毒 强腐蚀".split(" "),
] as const;

const ROUTES: Record<string, readonly string[]> = {
  HQ: ["1号货梯", "2号货梯", "地下车库坡道"],
  SP: ["1号货梯", "地下车库坡道"],
};
const DEFAULT_ROUTES = ["1号货梯", "2号货梯"];
const SIGNATORIES_PER_SITE = 10;
const HISTORY_DAYS = 14;

const GOODS_IN: readonly (readonly [string, string])[] = [
  ["办公桌", "张"],
  ["办公椅", "把"],
  ["文件柜", "个"],
  ["打印机", "台"],
  ["桶装饮用水", "桶"],
  ["绿植", "盆"],
  ["产品样品", "箱"],
  ["显示器", "台"],
  ["会议桌", "张"],
  ["宣传资料", "箱"],
];
const GOODS_OUT: readonly (readonly [string, string])[] = [
  ["旧电脑主机", "台"],
  ["报废办公椅", "把"],
  ["档案文件", "箱"],
  ["展架", "个"],
  ["服务器", "台"],
  ["投影仪", "台"],
  ["样品退货", "箱"],
  ["笔记本电脑", "台"],
];
const REJECT_REASONS = ["物品清单含香蕉水，属禁止入内的危险品", "携出物品未加盖公章，签字人亦未备案"];
const POSITIONS = ["行政经理", "办公室主任", "总经理", "财务经理"];

// ---------------------------------------------------------------------------------------------
// Two small PNGs (a seal imprint and a signature), drawn here: no image library needed.

/** A red ring with a star: stands for the company seal (and, on the certificate, its imprint). */
const SEAL_PNG = pngOf(96, 96, (x, y) => {
  const r = Math.hypot(x - 48, y - 48);
  const star = r < 12 && Math.abs(((Math.atan2(y - 48, x - 48) * 5) / Math.PI) % 2) < 0.6;
  return (r > 38 && r < 44) || star ? [200, 30, 30] : WHITE;
});
/** A blue-black scribble: stands for a handwritten signature. */
const SIGNATURE_PNG = pngOf(160, 60, (x, y) => {
  const curve = 30 + 14 * Math.sin(x / 9) * Math.cos(x / 31);
  return Math.abs(y - curve) < 1.6 && x > 8 && x < 152 ? [20, 30, 80] : WHITE;
});

interface Blob {
  bytes: Buffer;
  sha256: string;
  storageKey: string;
  width: number;
  height: number;
}

/** Same layout as lib/storage (storageKeyOf + localDiskBackend): DATA_DIR/files/ab/cd/<sha256>.png. */
function blobOf(bytes: Buffer, width: number, height: number): Blob {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { bytes, sha256, storageKey: `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}.png`, width, height };
}

async function writeBlob(blob: Blob): Promise<void> {
  const target = path.resolve(env().DATA_DIR, "files", blob.storageKey);
  const existing = await stat(target).catch(() => null);
  if (existing?.isFile() && existing.size === blob.bytes.length) return;
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, blob.bytes);
}

// ---------------------------------------------------------------------------------------------
// The plan of one site (pure apart from the ids handed in)

interface TenantInput {
  id: string;
  name: string;
  units: { id: string; code: string }[];
}

export interface GoodsSiteInput {
  siteCode: string;
  timeZone: string;
  now: Date;
  tenants: TenantInput[];
  routes: { id: string; name: string }[];
}

interface PassPlan {
  requestId: string;
  tenantId: string;
  unitId: string;
  direction: GoodsDirection;
  carrierName: string;
  carrierIdLast4: string;
  routeId: string;
  windowStart: Date;
  windowEnd: Date;
  state: GoodsPassState;
  authorization: PassAuthorization | null;
  /** The tenant whose registered signatory signed this pass (SIGNATORY only). */
  signatoryTenant: string | null;
  createdAt: Date;
  approvedAt: Date | null;
  rejectedAt: Date | null;
  rejectedReason: string | null;
  releasedAt: Date | null;
  items: { name: string; quantity: number; unit: string }[];
}

function personName(rng: Rng): string {
  return rng.weighted(SURNAMES) + rng.pick(rng.chance(0.5) ? GIVEN_NAMES_MALE : GIVEN_NAMES_FEMALE);
}

/** Local "HH:mm" of minutes after midnight. */
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

export function planSiteGoodsPasses(input: GoodsSiteInput) {
  const rng = mulberry32(seedFrom(`${input.siteCode}:goods-passes`));
  const today = localDateInZone(input.now, input.timeZone);
  const at = (date: LocalDate, minutes: number) => instantFromLocalDateTime(`${date}T${hhmm(minutes)}`, input.timeZone);
  const nowMs = input.now.getTime();

  const tenants = rng.shuffle(input.tenants.filter((t) => t.units.length > 0));
  const signatoryTenants = new Set(tenants.slice(0, SIGNATORIES_PER_SITE).map((t) => t.id));
  const signatories = tenants.slice(0, SIGNATORIES_PER_SITE).map((t) => ({
    tenantId: t.id,
    name: personName(rng),
    position: rng.pick(POSITIONS),
    phone: `${rng.pick(MOBILE_PREFIXES)}${String(rng.int(0, 99_999_999)).padStart(8, "0")}`,
    validFrom: addDays(today, -rng.int(60, 300)),
    validTo: addDays(today, rng.int(180, 500)),
  }));
  // Passes mostly come from the tenants with a signatory, so both kinds of out-going pass occur.
  const passTenants = [...tenants.slice(0, SIGNATORIES_PER_SITE + 6)];

  const busy = new Map<string, Busy[]>();
  const free = (routeId: string, w: Busy) => !(busy.get(routeId) ?? []).some((b) => overlaps(b, w));
  const passes: PassPlan[] = [];
  // Pending demo passes start at least an hour from now (the stamp flow refuses windows already over).
  const earliestToday = Math.ceil((nowMs - at(today, 0).getTime()) / (30 * MINUTE)) * 30 + 60;

  let rejectedLeft = 2;
  for (let d = -HISTORY_DAYS; d <= 1; d++) {
    const date = addDays(today, d);
    const count = d < 0 ? rng.int(1, 2) : d === 0 ? 5 : 3;
    for (let k = 0; k < count; k++) {
      const tenant = rng.pick(passTenants);
      const unit = rng.pick(tenant.units);
      const direction: GoodsDirection = rng.chance(0.5) ? "OUT" : "IN";
      const length = rng.pick([30, 60, 60, 90, 120]);
      // Today: the first two are earlier in the day, the rest are pending and later than now.
      const pendingToday = d === 0 && k >= 2;
      const from = pendingToday ? Math.max(earliestToday, 9 * 60) : 8 * 60;
      let placed: { routeId: string; window: Busy } | null = null;
      for (let attempt = 0; attempt < 40 && !placed; attempt++) {
        const startMin = from + rng.int(0, Math.max(0, (20 * 60 - from) / 30)) * 30;
        // Late in the evening the demo's pending moves may run past the 22:00 of the day bar.
        if (startMin + length > (pendingToday ? 23 * 60 + 30 : 22 * 60)) continue;
        const window = { start: at(date, startMin), end: at(date, startMin + length) };
        const route = rng.pick(input.routes);
        if (free(route.id, window)) placed = { routeId: route.id, window };
      }
      if (!placed) continue;

      let state: GoodsPassState;
      if (pendingToday || (d === 1 && k === 2)) state = "PENDING";
      else if (d < 0 && rejectedLeft > 0 && (d === -9 || d === -3) && k === 0) state = "REJECTED";
      else if (placed.window.start.getTime() + 10 * MINUTE < nowMs && rng.chance(0.92)) state = "RELEASED";
      else state = "APPROVED";
      if (state === "REJECTED") rejectedLeft--;
      else busy.set(placed.routeId, [...(busy.get(placed.routeId) ?? []), placed.window]);

      const startMs = placed.window.start.getTime();
      const createdAt = new Date(Math.min(startMs - rng.int(3, 26) * HOUR, nowMs - rng.int(20, 120) * MINUTE));
      const decidedAt = new Date(Math.min(createdAt.getTime() + rng.int(10, 90) * MINUTE, nowMs - 5 * MINUTE, startMs - 15 * MINUTE));
      const withSignatory = direction === "OUT" && signatoryTenants.has(tenant.id) && rng.chance(0.5);
      const itemsOf = direction === "IN" ? GOODS_IN : GOODS_OUT;
      passes.push({
        requestId: `seed-${input.siteCode}-${String(passes.length + 1).padStart(3, "0")}`,
        tenantId: tenant.id,
        unitId: unit.id,
        direction,
        carrierName: personName(rng),
        carrierIdLast4: String(rng.int(0, 9999)).padStart(4, "0"),
        routeId: placed.routeId,
        windowStart: placed.window.start,
        windowEnd: placed.window.end,
        state,
        // R-GP-2: an out-going pass bears the seal, or a registered signatory's signature.
        authorization: direction === "OUT" ? (withSignatory ? "SIGNATORY" : "SEAL") : null,
        signatoryTenant: withSignatory ? tenant.id : null,
        createdAt,
        approvedAt: state === "APPROVED" || state === "RELEASED" ? decidedAt : null,
        rejectedAt: state === "REJECTED" ? decidedAt : null,
        rejectedReason: state === "REJECTED" ? REJECT_REASONS[rejectedLeft % REJECT_REASONS.length] : null,
        releasedAt: state === "RELEASED" ? new Date(startMs + rng.int(0, 10) * MINUTE) : null,
        items: rng
          .shuffle(itemsOf)
          .slice(0, rng.int(1, 4))
          .map(([name, unitName]) => ({ name, quantity: rng.int(1, 12), unit: unitName })),
      });
    }
  }

  // R-GP-3: numbers in order of approval, gapless per approval day (the site's local day).
  const numbered = passes.filter((p) => p.approvedAt).sort((a, b) => a.approvedAt!.getTime() - b.approvedAt!.getTime());
  const counters = new Map<string, number>();
  const numbers = new Map<PassPlan, string>();
  for (const p of numbered) {
    const day = localDateInZone(p.approvedAt!, input.timeZone);
    const seq = (counters.get(day) ?? 0) + 1;
    counters.set(day, seq);
    numbers.set(p, formatDailyNumber("GOODS_PASS", input.siteCode, day, seq));
  }
  return { signatories, passes, numbers };
}

// ---------------------------------------------------------------------------------------------
// Writing

export interface GoodsSeedResult {
  siteCode: string;
  added: boolean;
  routes: number;
  signatories: number;
  byState: Record<GoodsPassState, number>;
}

const STATES: GoodsPassState[] = ["PENDING", "APPROVED", "REJECTED", "RELEASED"];

export async function seedGoodsPasses(
  db: PrismaClient,
  options: { now?: Date; log?: (line: string) => void } = {},
): Promise<GoodsSeedResult[]> {
  const now = options.now ?? new Date();
  const seal = blobOf(SEAL_PNG, 96, 96);
  const signature = blobOf(SIGNATURE_PNG, 160, 60);

  const results = await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('kewu:seed:goods-passes'))`;
      if ((await tx.hazardTerm.count()) === 0) {
        const base = now.getTime();
        await tx.hazardTerm.createMany({
          data: HAZARD_TERMS.map((term, i) => ({ term, createdAt: new Date(base + i) })),
          skipDuplicates: true,
        });
      }
      const users = await tx.user.findMany({
        where: { username: { in: ["clerk", "frontdesk", "supervisor", "manager"] } },
        select: { id: true, username: true },
      });
      const userId = (name: string) => users.find((u) => u.username === name)?.id;
      const clerk = userId("clerk");
      const frontDesk = userId("frontdesk");
      const stamper = userId("supervisor") ?? userId("manager");
      const sites = await tx.site.findMany({
        where: { code: { in: SITES.map((s) => s.code) } },
        select: { id: true, code: true, timeZone: true, _count: { select: { loadingRoutes: true } } },
        orderBy: { code: "asc" },
      });
      const added = new Set<string>();
      for (const site of sites) {
        if (site._count.loadingRoutes > 0 || !clerk || !frontDesk || !stamper) continue;
        await seedSite(tx, site, { now, clerk, frontDesk, stamper, seal, signature });
        added.add(site.id);
      }
      const [routes, signatories, states] = await Promise.all([
        tx.loadingRoute.groupBy({ by: ["siteId"], where: { siteId: { in: sites.map((s) => s.id) } }, _count: { _all: true } }),
        tx.authorisedSignatory.groupBy({ by: ["siteId"], where: { siteId: { in: sites.map((s) => s.id) } }, _count: { _all: true } }),
        tx.goodsPass.groupBy({ by: ["siteId", "state"], where: { siteId: { in: sites.map((s) => s.id) } }, _count: { _all: true } }),
      ]);
      return sites.map((s): GoodsSeedResult => ({
        siteCode: s.code,
        added: added.has(s.id),
        routes: routes.find((r) => r.siteId === s.id)?._count._all ?? 0,
        signatories: signatories.find((r) => r.siteId === s.id)?._count._all ?? 0,
        byState: Object.fromEntries(
          STATES.map((state) => [state, states.find((c) => c.siteId === s.id && c.state === state)?._count._all ?? 0]),
        ) as Record<GoodsPassState, number>,
      }));
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  // The bytes after the rows: a failed transaction leaves at most two unreferenced blobs.
  if (results.some((r) => r.added)) await Promise.all([writeBlob(seal), writeBlob(signature)]);

  const log = options.log ?? (() => {});
  for (const r of results) {
    const what = r.added ? "新增 added" : "已有，未新增 none added";
    log(
      `携物出入 Goods passes ${r.siteCode} (${what}): 路线 routes ${r.routes}, 授权签字人 signatories ${r.signatories}, ` +
        STATES.map((s) => `${s} ${r.byState[s]}`).join(", "),
    );
  }
  return results;
}

async function seedSite(
  tx: Tx,
  site: { id: string; code: string; timeZone: string },
  ctx: { now: Date; clerk: string; frontDesk: string; stamper: string; seal: Blob; signature: Blob },
) {
  const routeNames = ROUTES[site.code] ?? DEFAULT_ROUTES;
  const routes = await tx.loadingRoute.createManyAndReturn({
    // R-GP-5: the ramp keeps the default opening hours (07:00–22:00); the freight lifts run round the clock.
    data: routeNames.map((name) => ({ siteId: site.id, name, ...(name.includes("货梯") ? { opensAt: "00:00", closesAt: "24:00" } : {}) })),
    select: { id: true, name: true },
  });
  // R-GP-6: tenants with a unit under renovation are outside the process.
  const tenants = await tx.tenant.findMany({
    where: { siteId: site.id, units: { some: { status: "OCCUPIED" }, none: { status: "RENOVATION" } } },
    select: { id: true, name: true, units: { where: { status: "OCCUPIED" }, select: { id: true, code: true }, orderBy: { code: "asc" } } },
    orderBy: { name: "asc" },
  });
  const plan = planSiteGoodsPasses({ siteCode: site.code, timeZone: site.timeZone, now: ctx.now, tenants, routes });

  const fileRow = (kind: FileKind, blob: Blob) => ({
    siteId: site.id,
    kind,
    contentType: "image/png",
    size: blob.bytes.length,
    sha256: blob.sha256,
    storageKey: blob.storageKey,
    width: blob.width,
    height: blob.height,
    uploadedById: ctx.clerk,
  });
  // Each record gets its own StoredFile rows (a row is attached to one record only); the blobs are shared.
  const createFiles = async (rows: ReturnType<typeof fileRow>[]) =>
    rows.length === 0 ? [] : (await tx.storedFile.createManyAndReturn({ data: rows, select: { id: true } })).map((f) => f.id);

  const certificateIds = await createFiles(plan.signatories.map(() => fileRow("PHOTO", ctx.seal)));
  const specimenIds = await createFiles(plan.signatories.map(() => fileRow("SIGNATURE", ctx.signature)));
  const signatories = await tx.authorisedSignatory.createManyAndReturn({
    data: plan.signatories.map((s, i) => ({
      siteId: site.id,
      tenantId: s.tenantId,
      name: s.name,
      position: s.position,
      phone: s.phone,
      certificateFileId: certificateIds[i],
      specimenFileId: specimenIds[i],
      validFrom: dateColumn(s.validFrom),
      validTo: dateColumn(s.validTo),
      createdById: ctx.clerk,
      createdAt: new Date(ctx.now.getTime() - 90 * 24 * HOUR),
    })),
    select: { id: true, tenantId: true, certificateFileId: true, specimenFileId: true },
  });
  const signatoryOf = new Map(signatories.map((s) => [s.tenantId, s.id]));

  const sealIds = await createFiles(plan.passes.filter((p) => p.authorization === "SEAL").map(() => fileRow("PHOTO", ctx.seal)));
  const signatureIds = await createFiles(
    plan.passes.filter((p) => p.authorization === "SIGNATORY").map(() => fileRow("SIGNATURE", ctx.signature)),
  );
  let nextSeal = 0;
  let nextSignature = 0;
  const created = await tx.goodsPass.createManyAndReturn({
    data: plan.passes.map((p) => ({
      requestId: p.requestId,
      siteId: site.id,
      tenantId: p.tenantId,
      unitId: p.unitId,
      direction: p.direction,
      carrierName: p.carrierName,
      carrierIdLast4: p.carrierIdLast4,
      routeId: p.routeId,
      windowStart: p.windowStart,
      windowEnd: p.windowEnd,
      authorization: p.authorization,
      sealPhotoFileId: p.authorization === "SEAL" ? sealIds[nextSeal++] : null,
      signatoryId: p.signatoryTenant ? (signatoryOf.get(p.signatoryTenant) ?? null) : null,
      signatureFileId: p.authorization === "SIGNATORY" ? signatureIds[nextSignature++] : null,
      signatureCheckedById: p.authorization === "SIGNATORY" && p.approvedAt ? ctx.stamper : null,
      state: p.state,
      number: plan.numbers.get(p) ?? null,
      approvedById: p.approvedAt ? ctx.stamper : null,
      approvedAt: p.approvedAt,
      rejectedById: p.rejectedAt ? ctx.stamper : null,
      rejectedAt: p.rejectedAt,
      rejectedReason: p.rejectedReason,
      releasedById: p.releasedAt ? ctx.frontDesk : null,
      releasedAt: p.releasedAt,
      createdById: ctx.frontDesk,
      createdAt: p.createdAt,
    })),
    select: { id: true, requestId: true, sealPhotoFileId: true, signatureFileId: true },
  });
  const idOf = new Map(created.map((c) => [c.requestId, c.id]));
  // Each file is the evidence of its record, as lib/files/claim.ts records it for the app's own writes.
  const attach = (entity: "SIGNATORY" | "GOODS_PASS", entityId: string, fileIds: (string | null)[]) =>
    fileIds.filter((fileId): fileId is string => !!fileId).map((fileId) => ({ fileId, siteId: site.id, entity, entityId }));
  await tx.fileAttachment.createMany({
    data: [
      ...signatories.flatMap((s) => attach("SIGNATORY", s.id, [s.certificateFileId, s.specimenFileId])),
      ...created.flatMap((c) => attach("GOODS_PASS", c.id, [c.sealPhotoFileId, c.signatureFileId])),
    ],
  });
  await tx.goodsPassItem.createMany({
    data: plan.passes.flatMap((p) =>
      p.items.map((item, i) => ({
        passId: idOf.get(p.requestId)!,
        position: i + 1,
        name: item.name,
        quantity: item.quantity,
        unit: item.unit,
      })),
    ),
  });
}
