/**
 * Demo newspapers (§9, R-NEWS-1..3), so the front desk's day and the monthly report have something to
 * show from the first start:
 *
 * - per site five titles (人民日报, 解放日报, 新民晚报, 经济日报, 参考消息);
 * - subscriptions for ~25 tenants in their own units (1–2 titles each, mostly one copy), a few ended;
 * - the past 30 local days as closed days: received in the lobby and signed by the front desk, handed
 *   over, delivered and signed by the tenant, some held at the desk (most picked up a day or two later,
 *   the last few still held), a shortfall now and then (SHORT deliveries), surplus copies returned. Each
 *   day reconciles (received = delivered + held + returned), as the close requires.
 * - TODAY has no day: the front desk (and the e2e test) receive today's papers themselves.
 *
 * Deterministic (PRNG stream per site; days are the site's local days relative to `now`) and idempotent
 * per site: a site that already has newspaper titles gets nothing. One transaction per site; no audit
 * rows (like the other seeds). Relative imports only: the seed runs under tsx.
 */
import { createHash } from "node:crypto";
import { mkdir, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { addDays, dateColumn, instantFromLocalDateTime, localDateInZone, type LocalDate } from "../../lib/calendar";
import { env } from "../../lib/env";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import type { NewspaperDeliveryState } from "../../lib/generated/prisma/enums";
import { allocateCopies, distributionOrder, isActiveOn } from "../../lib/newspapers/rules";
import { GIVEN_NAMES_FEMALE, GIVEN_NAMES_MALE, SITES, SURNAMES } from "./data";
import { pngOf, WHITE } from "./png";
import { mulberry32, seedFrom, type Rng } from "./random";

const TITLES = [
  ["人民日报", "人民日报社"],
  ["解放日报", "解放日报社"],
  ["新民晚报", "新民晚报社"],
  ["经济日报", "经济日报社"],
  ["参考消息", "新华通讯社"],
] as const;
const SUBSCRIBERS = 25;
const HISTORY_DAYS = 30;

/** A blue-black scribble standing for a drawn signature (white PNG, RGB). */
export function signaturePng(): Buffer {
  return pngOf(160, 60, (x, y) =>
    x >= 8 && x < 152 && Math.abs(y - (30 + 12 * Math.sin(x / 7) * Math.cos(x / 23))) < 1.6 ? [20, 30, 80] : WHITE,
  );
}

const personName = (rng: Rng) => rng.weighted(SURNAMES) + rng.pick(rng.chance(0.5) ? GIVEN_NAMES_MALE : GIVEN_NAMES_FEMALE);
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

interface SiteInput {
  siteCode: string;
  timeZone: string;
  now: Date;
  titles: { id: string; name: string }[];
  tenants: { id: string; name: string; units: { id: string; code: string; building: string; floor: string }[] }[];
}

/** The plan of one site: subscriptions and 30 closed days (pure apart from the ids handed in). */
export function planSiteNewspapers(input: SiteInput) {
  const rng = mulberry32(seedFrom(`${input.siteCode}:newspapers`));
  const today = localDateInZone(input.now, input.timeZone);
  const at = (date: LocalDate, minutes: number) => instantFromLocalDateTime(`${date}T${hhmm(minutes)}`, input.timeZone);
  const first = addDays(today, -HISTORY_DAYS);

  const subscribers = rng.shuffle(input.tenants.filter((t) => t.units.length > 0)).slice(0, SUBSCRIBERS);
  const subscriptions = subscribers.flatMap((tenant, i) => {
    const unit = tenant.units[0];
    const titles = rng.shuffle(input.titles).slice(0, rng.chance(0.35) ? 2 : 1);
    return titles.map((title, j) => ({
      key: `${i}:${j}`,
      titleId: title.id,
      titleName: title.name,
      tenantId: tenant.id,
      tenantName: tenant.name,
      unitId: unit.id,
      unitCode: unit.code,
      building: unit.building,
      floor: unit.floor,
      copies: rng.chance(0.15) ? 2 : 1,
      // A few started during the month or ended in it, so the expected copies change over the days.
      startsOn: i === 3 ? addDays(today, -12) : addDays(today, -rng.int(60, 400)),
      endsOn: i === 5 ? addDays(today, -8) : i === 7 ? addDays(today, 90) : null,
    }));
  });

  const days = [];
  for (let date = first; date < today; date = addDays(date, 1)) {
    const running = distributionOrder(subscriptions.filter((s) => isActiveOn(s, date)));
    const received = new Map<string, number>();
    for (const title of input.titles) {
      const expected = running.filter((s) => s.titleId === title.id).reduce((n, s) => n + s.copies, 0);
      // Usually exactly what is subscribed; now and then one short, or a copy or two too many.
      const delta = rng.chance(0.08) ? -1 : rng.chance(0.15) ? rng.int(1, 2) : 0;
      if (expected + delta > 0) received.set(title.id, expected + delta);
    }
    const states = new Map<string, NewspaperDeliveryState>();
    for (const title of input.titles) {
      const { states: allotted } = allocateCopies(
        received.get(title.id) ?? 0,
        running.filter((s) => s.titleId === title.id).map((s) => ({ id: s.key, copies: s.copies })),
      );
      for (const [key, state] of allotted) states.set(key, state);
    }
    const receivedAt = at(date, 8 * 60 + rng.int(10, 50));
    const deliveries = running.map((s, i) => {
      const base = { key: s.key, state: states.get(s.key)! as NewspaperDeliveryState };
      if (base.state === "SHORT") return { ...base, at: null, pickupAt: null, recipient: null, pickup: null };
      const when = at(date, 9 * 60 + 30 + i * 3);
      if (!rng.chance(0.1))
        return { ...base, state: "DELIVERED" as const, at: when, pickupAt: null, recipient: personName(rng), pickup: null };
      // Held at the desk: picked up one or two days later, unless that is still to come.
      const pickupDay = addDays(date, rng.int(1, 2));
      // A few tenants are away for longer: their papers are still on the desk.
      const pickedUp = !rng.chance(0.12) && (pickupDay < today || (pickupDay === today && rng.chance(0.3)));
      return pickedUp
        ? {
            ...base,
            state: "PICKED_UP" as const,
            at: when,
            pickupAt: at(pickupDay, 10 * 60 + rng.int(0, 420)),
            recipient: null,
            pickup: personName(rng),
          }
        : { ...base, state: "HELD" as const, at: when, pickupAt: null, recipient: null, pickup: null };
    });
    const returned = new Map(
      input.titles.map((title) => {
        const out = running.filter((s) => s.titleId === title.id && states.get(s.key) !== "SHORT").reduce((n, s) => n + s.copies, 0);
        return [title.id, (received.get(title.id) ?? 0) - out];
      }),
    );
    days.push({
      date,
      courierName: rng.pick(["邮政投递员", "报刊发行站", "邮局"]) + personName(rng),
      deliveryStaffName: personName(rng),
      receivedAt,
      handedOverAt: at(date, 9 * 60 + 10),
      closedAt: at(date, 17 * 60 + 30),
      lines: input.titles
        .filter((t) => received.has(t.id) || running.some((s) => s.titleId === t.id))
        .map((t) => ({
          titleId: t.id,
          received: received.get(t.id) ?? 0,
          expected: running.filter((s) => s.titleId === t.id).reduce((n, s) => n + s.copies, 0),
          returned: returned.get(t.id) ?? 0,
        })),
      deliveries,
    });
  }
  return { subscriptions, days };
}

export async function seedNewspapers(db: PrismaClient, options: { now?: Date; log: (line: string) => void }): Promise<void> {
  const now = options.now ?? new Date();
  const bytes = signaturePng();
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const storageKey = `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}.png`;
  const frontDesk = await db.user.findUnique({ where: { username: "frontdesk" }, select: { id: true } });
  const sites = await db.site.findMany({
    where: { code: { in: SITES.map((s) => s.code) } },
    select: { id: true, code: true, timeZone: true, _count: { select: { newspaperTitles: true } } },
    orderBy: { code: "asc" },
  });
  let wrote = false;
  for (const site of sites) {
    if (site._count.newspaperTitles > 0 || !frontDesk) {
      options.log(`报纸 Newspapers ${site.code}: 已有，未新增 none added`);
      continue;
    }
    const summary = await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('kewu:seed:newspapers'))`;
        if ((await tx.newspaperTitle.count({ where: { siteId: site.id } })) > 0) return null;
        const titles = await tx.newspaperTitle.createManyAndReturn({
          data: TITLES.map(([name, publisher]) => ({ siteId: site.id, name, publisher })),
          select: { id: true, name: true },
        });
        const tenants = await tx.tenant.findMany({
          where: { siteId: site.id, units: { some: { status: "OCCUPIED" } } },
          select: {
            id: true,
            name: true,
            units: {
              where: { status: "OCCUPIED" },
              select: { id: true, code: true, building: true, floor: true },
              orderBy: { code: "asc" },
            },
          },
          orderBy: { name: "asc" },
        });
        const plan = planSiteNewspapers({ siteCode: site.code, timeZone: site.timeZone, now, titles, tenants });
        const subs = await tx.newspaperSubscription.createManyAndReturn({
          data: plan.subscriptions.map((s) => ({
            siteId: site.id,
            titleId: s.titleId,
            tenantId: s.tenantId,
            unitId: s.unitId,
            copies: s.copies,
            startsOn: dateColumn(s.startsOn),
            endsOn: s.endsOn ? dateColumn(s.endsOn) : null,
            createdById: frontDesk.id,
          })),
          select: { id: true },
        });
        const subOf = new Map(plan.subscriptions.map((s, i) => [s.key, { ...s, id: subs[i].id }]));
        // One StoredFile row per signature (a row proves one record); the bytes are one shared blob.
        const signatures = plan.days.length + plan.days.reduce((n, d) => n + d.deliveries.filter((x) => x.recipient || x.pickup).length, 0);
        const files = (
          await tx.storedFile.createManyAndReturn({
            data: Array.from({ length: signatures }, () => ({
              siteId: site.id,
              kind: "SIGNATURE" as const,
              contentType: "image/png",
              size: bytes.length,
              sha256,
              storageKey,
              width: 160,
              height: 60,
              uploadedById: frontDesk.id,
            })),
            select: { id: true },
          })
        ).map((f) => f.id);
        let nextFile = 0;
        const created = await tx.newspaperDay.createManyAndReturn({
          data: plan.days.map((d) => ({
            requestId: `seed-np-${site.code}-${d.date}`,
            siteId: site.id,
            date: dateColumn(d.date),
            courierName: d.courierName,
            receivedById: frontDesk.id,
            receivedAt: d.receivedAt,
            receiptSignatureFileId: files[nextFile++],
            handedOverAt: d.handedOverAt,
            handedOverById: frontDesk.id,
            deliveryStaffName: d.deliveryStaffName,
            closedAt: d.closedAt,
            closedById: frontDesk.id,
          })),
          select: { id: true, receiptSignatureFileId: true },
        });
        await tx.newspaperReceiptLine.createMany({
          data: plan.days.flatMap((d, i) => d.lines.map((l) => ({ dayId: created[i].id, ...l }))),
        });
        const deliveries = await tx.newspaperDelivery.createManyAndReturn({
          data: plan.days.flatMap((d, i) =>
            d.deliveries.map((x) => {
              const s = subOf.get(x.key)!;
              const held = x.state === "HELD" || x.state === "PICKED_UP";
              return {
                dayId: created[i].id,
                siteId: site.id,
                subscriptionId: s.id,
                titleId: s.titleId,
                tenantId: s.tenantId,
                unitId: s.unitId,
                copies: s.copies,
                state: x.state,
                deliveredAt: x.state === "DELIVERED" ? x.at : null,
                deliveredById: x.state === "DELIVERED" ? frontDesk.id : null,
                recipientName: x.recipient,
                signatureFileId: x.recipient ? files[nextFile++] : null,
                heldAt: held ? x.at : null,
                heldById: held ? frontDesk.id : null,
                pickedUpAt: x.pickupAt,
                pickupRecordedById: x.pickupAt ? frontDesk.id : null,
                pickupName: x.pickup,
                pickupSignatureFileId: x.pickup ? files[nextFile++] : null,
              };
            }),
          ),
          select: { id: true, signatureFileId: true, pickupSignatureFileId: true },
        });
        // Each signature is the evidence of its record, as lib/files/claim.ts records it for the app's own writes.
        await tx.fileAttachment.createMany({
          data: [
            ...created.map((d) => ({ fileId: d.receiptSignatureFileId, entity: "NEWSPAPER_DAY" as const, entityId: d.id })),
            ...deliveries.flatMap((d) =>
              [d.signatureFileId, d.pickupSignatureFileId]
                .filter((fileId): fileId is string => !!fileId)
                .map((fileId) => ({ fileId, entity: "NEWSPAPER_DELIVERY" as const, entityId: d.id })),
            ),
          ].map((a) => ({ ...a, siteId: site.id })),
        });
        const all = plan.days.flatMap((d) => d.deliveries);
        return {
          subscriptions: subs.length,
          days: created.length,
          held: all.filter((x) => x.state === "HELD").length,
          short: all.filter((x) => x.state === "SHORT").length,
        };
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
    if (summary) wrote = true;
    options.log(
      `报纸 Newspapers ${site.code} (新增 added): ` +
        (summary
          ? `订阅 subscriptions ${summary.subscriptions}, 天 days ${summary.days}, 暂存 held ${summary.held}, 短缺 short ${summary.short}`
          : "—"),
    );
  }
  if (wrote) await writeSignatureBlob(storageKey, bytes);
}

/** Same layout as lib/storage: DATA_DIR/files/ab/cd/<sha256>.png (content-addressed, written once). */
export async function writeSignatureBlob(storageKey: string, bytes: Buffer) {
  const target = path.resolve(env().DATA_DIR, "files", storageKey);
  const existing = await stat(target).catch(() => null);
  if (existing?.isFile() && existing.size === bytes.length) return;
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, bytes);
}
