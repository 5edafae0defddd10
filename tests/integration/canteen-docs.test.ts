/**
 * A received weekly menu or summary (R-CAT-1) opens from the canteen page to be read: its text, its
 * photos, its state against the deadline, who recorded it — on the reader's sites only.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { AccessError } from "@/lib/auth/guard";
import { localDateInZone } from "@/lib/calendar";
import { submitWeeklyDocAction } from "@/lib/contractors/actions";
import { canteenOverview, canteenWeeklyDocDetail } from "@/lib/contractors/canteen.queries";
import { weekStartOf } from "@/lib/contractors/rules";
import { db } from "@/lib/db";
import { newRequestId } from "@/lib/request-id";
import { uploadedFile } from "../support/files";
import { buildWorld, signInAs, type World } from "../support/fixtures";
import { resetDatabase } from "../support/reset-db";

let world: World;
const thisWeek = () => weekStartOf(localDateInZone(new Date(), "Asia/Shanghai"));

beforeAll(async () => {
  await resetDatabase();
  world = await buildWorld();
});

describe("reading a received weekly paper", () => {
  it("the menu's text and photos, linked from the canteen page's week row", async () => {
    await signInAs(world.users.CLERK);
    const photos = [await uploadedFile(world.users.CLERK, world.siteA), await uploadedFile(world.users.CLERK, world.siteA)];
    const result = await submitWeeklyDocAction({
      requestId: newRequestId(),
      siteId: world.siteA,
      kind: "WEEKLY_MENU",
      weekStart: thisWeek(),
      text: "周一：红烧肉、清蒸鱼\n周二：宫保鸡丁",
      photoFileIds: photos,
    });
    expect(result).toMatchObject({ ok: true });
    const id = (result as { data: { id: string } }).data.id;

    await signInAs(world.users.MANAGER);
    const overview = await canteenOverview({});
    const row = overview.sites[0]!.weekly.find((w) => w.kind === "WEEKLY_MENU" && w.weekStart === thisWeek());
    expect(row?.id).toBe(id);

    const doc = await canteenWeeklyDocDetail(id);
    expect(doc).toMatchObject({
      kind: "WEEKLY_MENU",
      weekStart: thisWeek(),
      text: "周一：红烧肉、清蒸鱼\n周二：宫保鸡丁",
      recordedBy: "测试CLERK",
      siteId: world.siteA,
    });
    expect(new Set(doc!.photoIds)).toEqual(new Set(photos));
    expect(["onTime", "late"]).toContain(doc!.state);
  });

  it("another site's paper does not exist for the reader; roles without contractor:read are refused", async () => {
    const other = await db.canteenWeeklyDoc.create({
      data: {
        requestId: newRequestId(),
        siteId: world.siteB,
        kind: "WEEKLY_SUMMARY",
        weekStart: new Date(`${thisWeek()}T00:00:00Z`),
        text: "乙项目周总结",
        receivedAt: new Date(),
        createdById: world.users.MANAGER,
      },
    });
    await signInAs(world.users.MANAGER);
    expect(await canteenWeeklyDocDetail(other.id)).toBeNull();
    expect(await canteenWeeklyDocDetail("no-such-doc")).toBeNull();
    for (const role of ["FRONT_DESK", "ENGINEER", "ADMIN"] as const) {
      await signInAs(world.users[role]);
      await expect(canteenWeeklyDocDetail(other.id)).rejects.toBeInstanceOf(AccessError);
    }
  });
});
