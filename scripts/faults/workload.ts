// The crash test's write load and its bookkeeping, independent of how actions are reached: the full
// run (scripts/faults/run.ts) calls the real server actions over HTTP, the short one
// (tests/integration/faults.test.ts) calls the same actions in-process. Both crash PostgreSQL in the
// middle and then prove from the database that every acknowledged write is there exactly once.
//
// Writes: complaint intake + two steps (R-CMP-1/2), outlet inspections (R-INS-2), goods-pass stamping
// (numbered, R-GP-3) and gate release (R-GP-7), newspaper deliveries held at the front desk (R-NEWS-3).
// A request that fails or times out is retried with the same input (same requestId) as a real client
// would; a step that is refused as "already done" after such a failure counts as settled, not acknowledged.

import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../../lib/generated/prisma/client";

export type Who = "manager" | "coordinator";
export type LoadAction =
  | "createComplaintAction"
  | "startRectificationAction"
  | "recordRectificationAction"
  | "submitInspectionAction"
  | "approveGoodsPassAction"
  | "releaseGoodsPassAction"
  | "holdNewspaperAction";

export type CallResult = { ok: true; data: unknown } | { ok: false; code: string; message: string };
/** Resolves with the action's answer; throws when there was none (network, 5xx, timeout). */
export type Call = (who: Who, action: LoadAction, input: Record<string, unknown>) => Promise<CallResult>;

export const FAULTS_PASSWORD = "Faults@2026";

export interface Plan {
  siteId: string;
  siteCode: string;
  tenantId: string;
  unitId: string;
  departmentId: string;
  usernames: Record<Who, string>;
  periodKey: string;
  templateId: string;
  itemIds: string[];
  areaIds: string[];
  passIds: string[];
  deliveryIds: string[];
  tag: string;
}

/** Local "YYYY-MM" of `now` in `timeZone`. */
function localMonth(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit" }).formatToParts(now);
  return `${parts.find((p) => p.type === "year")!.value}-${parts.find((p) => p.type === "month")!.value}`;
}

/**
 * Everything the load writes against, made directly (setup is not under test): a site of its own
 * with three accounts, outlet areas, pending passes each on its own route, pending newspaper deliveries.
 */
export async function prepare(
  db: PrismaClient,
  options: { passwordHash: string; areas: number; passes: number; deliveries: number },
): Promise<Plan> {
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const code = `F${tag.slice(-6).toUpperCase()}`;
  const site = await db.site.create({ data: { code, name: `故障演练${code}` }, select: { id: true, timeZone: true } });
  const siteId = site.id;
  const user = (username: string, role: "MANAGER" | "SUPERVISOR" | "FRONT_DESK", duty: "COORDINATION" | null) =>
    db.user.create({
      data: { username, name: username, role, duty, passwordHash: options.passwordHash, sites: { create: [{ siteId }] } },
      select: { id: true },
    });
  const usernames: Record<Who, string> = { manager: `flt_mgr_${tag}`, coordinator: `flt_coord_${tag}` };
  await user(usernames.manager, "MANAGER", null);
  await user(usernames.coordinator, "SUPERVISOR", "COORDINATION");
  const desk = await user(`flt_desk_${tag}`, "FRONT_DESK", null);

  const tenant = await db.tenant.create({ data: { siteId, name: `演练业户${code}` }, select: { id: true } });
  const unit = await db.unit.create({
    data: { siteId, code: `U-${code}`, building: "A座", floor: "1F", status: "OCCUPIED", tenantId: tenant.id },
    select: { id: true },
  });
  const department = await db.department.create({ data: { siteId, name: `工程部${code}`, kind: "ENGINEERING" }, select: { id: true } });

  const template = await db.checklistTemplate.findFirst({
    where: { areaType: "COMMERCIAL_OUTLET", current: true },
    orderBy: { version: "desc" },
    select: { id: true, items: { select: { id: true }, orderBy: { position: "asc" } } },
  });
  if (!template) throw new Error("no current checklist template for COMMERCIAL_OUTLET (seed the checklists first)");
  await db.area.createMany({
    data: Array.from({ length: options.areas }, (_, i) => ({
      siteId,
      name: `商铺${i + 1}`,
      type: "COMMERCIAL_OUTLET" as const,
      building: "A座",
      floor: "1F",
    })),
  });
  const areaIds = (await db.area.findMany({ where: { siteId }, select: { id: true }, orderBy: { name: "asc" } })).map((a) => a.id);

  await db.loadingRoute.createMany({ data: Array.from({ length: options.passes }, (_, i) => ({ siteId, name: `通道${i + 1}` })) });
  const routes = await db.loadingRoute.findMany({ where: { siteId }, select: { id: true } });
  const now = Date.now();
  await db.goodsPass.createMany({
    data: routes.map((r, i) => ({
      requestId: `flt-gp-${tag}-${i}`,
      siteId,
      tenantId: tenant.id,
      unitId: unit.id,
      direction: "IN" as const,
      carrierName: "演练",
      carrierIdLast4: "0000",
      routeId: r.id,
      windowStart: new Date(now - 60 * 60_000),
      windowEnd: new Date(now + 3 * 60 * 60_000),
      createdById: desk.id,
    })),
  });
  const passIds = (await db.goodsPass.findMany({ where: { siteId }, select: { id: true } })).map((p) => p.id);

  // Deliveries are one per (day, subscription): ten subscriptions over as many past days as needed.
  const title = await db.newspaperTitle.create({ data: { siteId, name: `演练日报${code}` }, select: { id: true } });
  // Ten subscribers, each at its own unit: a household's papers of a day are held together (R-NEWS-3),
  // so each held delivery here is one household's stop.
  const subscriptions: { id: string; unitId: string }[] = [];
  for (let i = 0; i < 10; i++) {
    const stop = await db.unit.create({
      data: { siteId, code: `N-${code}-${i}`, building: "A座", floor: "2F", status: "OCCUPIED", tenantId: tenant.id },
      select: { id: true },
    });
    subscriptions.push(
      await db.newspaperSubscription.create({
        data: {
          siteId,
          titleId: title.id,
          tenantId: tenant.id,
          unitId: stop.id,
          copies: 1,
          startsOn: new Date("2019-01-01"),
          createdById: desk.id,
        },
        select: { id: true, unitId: true },
      }),
    );
  }
  const signature = await db.storedFile.create({
    data: {
      siteId,
      kind: "SIGNATURE",
      contentType: "image/png",
      size: 1,
      sha256: "0".repeat(64),
      storageKey: `faults/${tag}.png`,
      uploadedById: desk.id,
    },
    select: { id: true },
  });
  const days = Math.ceil(options.deliveries / subscriptions.length);
  for (let d = 0; d < days; d++) {
    const date = new Date(Date.UTC(2019, 0, 1) + d * 86_400_000);
    const day = await db.newspaperDay.create({
      data: {
        requestId: `flt-nd-${tag}-${d}`,
        siteId,
        date,
        courierName: "演练",
        receivedById: desk.id,
        receiptSignatureFileId: signature.id,
        handedOverAt: date,
        handedOverById: desk.id,
        deliveryStaffName: "演练",
      },
      select: { id: true },
    });
    await db.newspaperDelivery.createMany({
      data: subscriptions.map((s) => ({
        dayId: day.id,
        siteId,
        subscriptionId: s.id,
        titleId: title.id,
        tenantId: tenant.id,
        unitId: s.unitId,
        copies: 1,
      })),
    });
  }
  const deliveryIds = (await db.newspaperDelivery.findMany({ where: { siteId }, select: { id: true } })).map((d) => d.id);

  return {
    siteId,
    siteCode: code,
    tenantId: tenant.id,
    unitId: unit.id,
    departmentId: department.id,
    usernames,
    periodKey: localMonth(new Date(), site.timeZone),
    templateId: template.id,
    itemIds: template.items.map((i) => i.id),
    areaIds,
    passIds,
    deliveryIds,
    tag,
  };
}

// ---------------------------------------------------------------------------------------------
// The load

export type Outcome = "acked" | "settled" | "refused" | "gave-up";

export interface Entry {
  kind: LoadAction;
  /** requestId for creates, the record's id for steps. */
  key: string;
  outcome: Outcome;
  attempts: number;
  data?: unknown;
  message?: string;
  at: number;
}

export interface LoadOptions {
  plan: Plan;
  call: Call;
  clients: number;
  durationMs: number;
  /** Per-request timeout before a retry (ms). */
  timeoutMs?: number;
  /** How long a client keeps retrying one request once the load time is over (ms). */
  graceMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms))),
  ]);
}

/** A valid complaint intake at the plan's site, unit and tenant, with its own request id. */
export function complaintInput(plan: Plan, requestId: string, text: string): Record<string, unknown> {
  return {
    requestId,
    siteId: plan.siteId,
    tenantId: plan.tenantId,
    unitId: plan.unitId,
    source: "PHONE",
    category: "REPAIR",
    severity: "GENERAL",
    description: `${text} ${requestId}`,
    departmentId: plan.departmentId,
  };
}

export async function runLoad(options: LoadOptions): Promise<Entry[]> {
  const { plan, call, clients, durationMs } = options;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const end = Date.now() + durationMs;
  const giveUpAt = end + (options.graceMs ?? 30_000);
  const ledger: Entry[] = [];
  const pools = { areas: [...plan.areaIds], passes: [...plan.passIds], deliveries: [...plan.deliveryIds] };
  let seq = 0;

  async function send(who: Who, kind: LoadAction, key: string, input: Record<string, unknown>): Promise<Entry> {
    let attempts = 0;
    for (;;) {
      attempts++;
      try {
        const result = await withTimeout(call(who, kind, input), timeoutMs);
        let entry: Entry;
        if (result.ok) entry = { kind, key, outcome: "acked", attempts, data: result.data, at: Date.now() };
        // An earlier attempt got through without its answer reaching us: the step is done, unacknowledged.
        else if (attempts > 1 && result.code === "conflict")
          entry = { kind, key, outcome: "settled", attempts, message: result.message, at: Date.now() };
        else entry = { kind, key, outcome: "refused", attempts, message: `${result.code}: ${result.message}`, at: Date.now() };
        ledger.push(entry);
        return entry;
      } catch (err) {
        if (Date.now() > giveUpAt) {
          const entry: Entry = { kind, key, outcome: "gave-up", attempts, message: (err as Error).message, at: Date.now() };
          ledger.push(entry);
          return entry;
        }
        await sleep(Math.min(100 * attempts, 500));
      }
    }
  }

  const done = (e: Entry) => e.outcome === "acked" || e.outcome === "settled";

  async function complaint() {
    const requestId = randomUUID();
    const created = await send("manager", "createComplaintAction", requestId, complaintInput(plan, requestId, "演练投诉"));
    if (created.outcome !== "acked") return;
    const complaintId = (created.data as { id: string }).id;
    const started = await send("manager", "startRectificationAction", complaintId, { complaintId, round: 1 });
    if (!done(started)) return;
    await send("manager", "recordRectificationAction", complaintId, { complaintId, round: 1, actionTaken: "已更换灯管" });
  }

  async function inspection() {
    const areaId = pools.areas.pop();
    if (!areaId) return complaint();
    const requestId = randomUUID();
    await send("coordinator", "submitInspectionAction", requestId, {
      requestId,
      areaId,
      periodKey: plan.periodKey,
      templateId: plan.templateId,
      results: plan.itemIds.map((itemId) => ({ itemId, result: "PASS" })),
    });
  }

  async function goodsPass() {
    const passId = pools.passes.pop();
    if (!passId) return complaint();
    const stamped = await send("manager", "approveGoodsPassAction", passId, { passId });
    if (!done(stamped)) return;
    await send("manager", "releaseGoodsPassAction", passId, { passId });
  }

  async function delivery() {
    const deliveryId = pools.deliveries.pop();
    if (!deliveryId) return complaint();
    await send("manager", "holdNewspaperAction", deliveryId, { deliveryId });
  }

  const flows = [complaint, inspection, goodsPass, delivery];
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = client; Date.now() < end; i += clients) {
        const n = seq++;
        await flows[n % flows.length]();
      }
    }),
  );
  return ledger;
}

// ---------------------------------------------------------------------------------------------
// The proof

export interface Figures {
  acknowledged: number;
  found: number;
  lost: number;
  doubled: number;
  /** Requests that needed more than one attempt (the outage hit them). */
  retried: number;
  /** Settled after a lost answer (retried, then "already done"). */
  settled: number;
  refused: number;
  gaveUp: number;
  problems: string[];
}

/** Reads the database after the run and checks each acknowledged write and each invariant. */
export async function verify(db: PrismaClient, plan: Plan, ledger: Entry[]): Promise<Figures> {
  const problems: string[] = [];
  const acked = ledger.filter((e) => e.outcome === "acked");
  let found = 0;
  const site = plan.siteId;

  const complaints = new Map(
    (
      await db.$queryRaw<
        { id: string; requestId: string; number: string; state: string }[]
      >`SELECT id, "requestId", number, state::text FROM "Complaint" WHERE "siteId" = ${site}`
    ).map((r) => [r.requestId, r]),
  );
  const complaintsById = new Map([...complaints.values()].map((c) => [c.id, c]));
  const inspections = new Map(
    (await db.$queryRaw<{ id: string; requestId: string }[]>`SELECT id, "requestId" FROM "Inspection" WHERE "siteId" = ${site}`).map(
      (r) => [r.requestId, r],
    ),
  );
  const passes = new Map(
    (
      await db.$queryRaw<
        { id: string; number: string | null; state: string }[]
      >`SELECT id, number, state::text FROM "GoodsPass" WHERE "siteId" = ${site}`
    ).map((r) => [r.id, r]),
  );
  const deliveries = new Map(
    (await db.$queryRaw<{ id: string; state: string }[]>`SELECT id, state::text FROM "NewspaperDelivery" WHERE "siteId" = ${site}`).map(
      (r) => [r.id, r],
    ),
  );
  // Transitions as the audit trail recorded them: entity id → list of states entered.
  const transitions = new Map<string, string[]>();
  for (const r of await db.$queryRaw<
    { entityId: string; state: string }[]
  >`SELECT "entityId", changes->'state'->>'after' AS state FROM "AuditLog" WHERE "siteId" = ${site} AND changes ? 'state'`) {
    transitions.set(r.entityId, [...(transitions.get(r.entityId) ?? []), r.state]);
  }
  const entered = (id: string, state: string) => (transitions.get(id) ?? []).filter((s) => s === state).length;
  const past = (state: string | undefined, states: string[]) => !!state && states.includes(state);

  for (const e of acked) {
    const data = (e.data ?? {}) as { id?: string; number?: string };
    let ok = false;
    switch (e.kind) {
      case "createComplaintAction": {
        const row = complaints.get(e.key);
        ok = !!row && row.id === data.id && (data.number === undefined || row.number === data.number);
        break;
      }
      case "startRectificationAction":
        ok = past(complaintsById.get(e.key)?.state, ["IN_RECTIFICATION", "RECTIFIED", "REVISITED", "CLOSED"]);
        break;
      case "recordRectificationAction":
        ok = past(complaintsById.get(e.key)?.state, ["RECTIFIED", "REVISITED", "CLOSED"]);
        break;
      case "submitInspectionAction":
        ok = inspections.get(e.key)?.id === data.id;
        break;
      case "approveGoodsPassAction": {
        const row = passes.get(e.key);
        ok = !!row && row.number === data.number && past(row.state, ["APPROVED", "RELEASED"]);
        break;
      }
      case "releaseGoodsPassAction":
        ok = passes.get(e.key)?.state === "RELEASED";
        break;
      case "holdNewspaperAction":
        ok = deliveries.get(e.key)?.state === "HELD";
        break;
    }
    if (ok) found++;
    else problems.push(`lost: ${e.kind} ${e.key} (${JSON.stringify(e.data)})`);
  }

  // Doubles: one logical submission → more than one record, or one step taken twice.
  let doubled = 0;
  const double = (what: string) => {
    doubled++;
    problems.push(`doubled: ${what}`);
  };
  for (const r of await db.$queryRaw<
    { description: string; n: bigint }[]
  >`SELECT description, count(*) AS n FROM "Complaint" WHERE "siteId" = ${site} GROUP BY description HAVING count(*) > 1`)
    double(`complaint "${r.description}" ×${r.n}`);
  for (const r of await db.$queryRaw<
    { areaId: string; n: bigint }[]
  >`SELECT "areaId", count(*) AS n FROM "Inspection" WHERE "siteId" = ${site} GROUP BY "areaId" HAVING count(*) > 1`)
    double(`inspection of area ${r.areaId} ×${r.n}`);
  for (const c of complaints.values()) {
    if (entered(c.id, "IN_RECTIFICATION") > 1)
      double(`complaint ${c.number} entered IN_RECTIFICATION ${entered(c.id, "IN_RECTIFICATION")}×`);
    if (entered(c.id, "RECTIFIED") > 1) double(`complaint ${c.number} entered RECTIFIED ${entered(c.id, "RECTIFIED")}×`);
  }
  for (const p of passes.values()) {
    if (entered(p.id, "APPROVED") > 1) double(`pass ${p.number} stamped ${entered(p.id, "APPROVED")}×`);
    if (entered(p.id, "RELEASED") > 1) double(`pass ${p.number} released ${entered(p.id, "RELEASED")}× at the gate`);
    if ((p.state === "APPROVED" || p.state === "RELEASED") && !p.number) problems.push(`pass ${p.id} stamped without a number`);
  }
  for (const d of deliveries.values()) if (entered(d.id, "HELD") > 1) double(`delivery ${d.id} held ${entered(d.id, "HELD")}×`);

  // Per-site numbers: no duplicates, and (goods passes, R-GP-3) no gaps: the counter equals the numbers issued.
  // Complaints and goods passes each have their own sequence (the same text may appear in both).
  const numbers = [
    [
      "Complaint",
      await db.$queryRaw<
        { number: string; n: bigint }[]
      >`SELECT number, count(*) AS n FROM "Complaint" WHERE "siteId" = ${site} GROUP BY number HAVING count(*) > 1`,
    ],
    [
      "GoodsPass",
      await db.$queryRaw<
        { number: string; n: bigint }[]
      >`SELECT number, count(*) AS n FROM "GoodsPass" WHERE "siteId" = ${site} AND number IS NOT NULL GROUP BY number HAVING count(*) > 1`,
    ],
  ] as const;
  for (const [table, rows] of numbers) for (const r of rows) double(`${table} number ${r.number} issued ${r.n}×`);
  const issued = [...passes.values()].filter((p) => p.number).length;
  const [counter] = await db.$queryRaw<
    { last: bigint | null }[]
  >`SELECT sum(last) AS last FROM "DailyCounter" WHERE "siteId" = ${site} AND scope = 'GOODS_PASS'`;
  if (Number(counter?.last ?? 0) !== issued) problems.push(`goods-pass numbers have gaps: counter ${counter?.last} for ${issued} numbers`);

  const refused = ledger.filter((e) => e.outcome === "refused");
  for (const e of refused.slice(0, 5)) problems.push(`refused: ${e.kind} ${e.key}: ${e.message}`);
  return {
    acknowledged: acked.length,
    found,
    lost: acked.length - found,
    doubled,
    retried: ledger.filter((e) => e.attempts > 1).length,
    settled: ledger.filter((e) => e.outcome === "settled").length,
    refused: refused.length,
    gaveUp: ledger.filter((e) => e.outcome === "gave-up").length,
    problems,
  };
}

/** One line per figure, as the test prints them. */
export function describeFigures(f: Figures & { recoverySeconds: number; remindersResumed: boolean; crashedAt?: number }): string {
  return [
    `acknowledged ${f.acknowledged}, found ${f.found}, lost ${f.lost}, doubled ${f.doubled}`,
    `recovery ${f.recoverySeconds.toFixed(2)} s after PostgreSQL accepted connections again`,
    `reminder jobs after the restart: ${f.remindersResumed ? "ran" : "DID NOT RUN"}`,
    `retried through the outage ${f.retried}, settled after a lost answer ${f.settled}, refused ${f.refused}, gave up ${f.gaveUp}`,
  ].join("\n");
}
