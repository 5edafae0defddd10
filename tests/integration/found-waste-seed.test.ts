/**
 * The demo found items and waste (prisma/seed/found-items.ts, prisma/seed/waste.ts): every state of the
 * register including items due for disposal, and a waste log with overdue streams and late clearances.
 * A second run adds nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { streamStatusesOf } from "@/lib/waste/queries";
import { seedFoundItems } from "../../prisma/seed/found-items";
import { seedWaste } from "../../prisma/seed/waste";
import { resetDatabase } from "../support/reset-db";

const NOW = new Date("2026-12-01T01:30:00Z"); // 09:30 on 1 December in Shanghai
let siteId: string;

beforeAll(async () => {
  await resetDatabase();
  siteId = (await db.site.create({ data: { code: "HQ", name: "汇金中心" } })).id;
  for (const [username, role] of [
    ["frontdesk", "FRONT_DESK"],
    ["clerk", "CLERK"],
    ["supervisor", "SUPERVISOR"],
  ] as const)
    await db.user.create({ data: { username, name: username, role, passwordHash: "x" } });
  await seedFoundItems(db, { now: NOW, log: () => {} });
  await seedWaste(db, { now: NOW, log: () => {} });
});

describe("seeded found items and waste", () => {
  it("found items in every state, two due for disposal, each claim with its signature as evidence", async () => {
    const items = await db.foundItem.findMany({ where: { siteId }, select: { state: true, keepUntil: true, claimSignatureFileId: true } });
    const count = (state: string) => items.filter((i) => i.state === state).length;
    expect([count("REGISTERED"), count("CLAIMED"), count("DISPOSED")]).toEqual([4, 2, 2]);
    const due = items.filter((i) => i.state === "REGISTERED" && i.keepUntil < new Date("2026-12-01T00:00:00Z"));
    expect(due).toHaveLength(2);
    const signatures = items.flatMap((i) => (i.claimSignatureFileId ? [i.claimSignatureFileId] : []));
    expect(await db.fileAttachment.count({ where: { fileId: { in: signatures }, entity: "FOUND_ITEM" } })).toBe(2);
  });

  it("waste streams with overdue ones and late clearances in the log", async () => {
    const streams = await streamStatusesOf([{ id: siteId, name: "汇金中心", timeZone: "Asia/Shanghai" }], NOW);
    expect(
      streams
        .filter((s) => s.state === "OVERDUE")
        .map((s) => s.stream)
        .sort(),
    ).toEqual(["NON_RECYCLABLE", "TONER"]);
    expect(streams.find((s) => s.stream === "HAZARDOUS")?.state).toBe("NOT_IN_USE");
    expect(await db.wasteClearance.count({ where: { siteId } })).toBeGreaterThan(50);
  });

  it("a second run adds nothing", async () => {
    const before = [await db.foundItem.count(), await db.wasteClearance.count(), await db.wasteCollectionPoint.count()];
    await seedFoundItems(db, { now: NOW, log: () => {} });
    await seedWaste(db, { now: NOW, log: () => {} });
    expect([await db.foundItem.count(), await db.wasteClearance.count(), await db.wasteCollectionPoint.count()]).toEqual(before);
  });
});
