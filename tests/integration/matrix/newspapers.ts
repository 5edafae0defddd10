import { addDays, localDateInZone } from "@/lib/calendar";
import { db } from "@/lib/db";
import * as newspaperActions from "@/lib/newspapers/actions";
import type { ActionName } from "@/lib/permissions";
import { uploadedFile } from "../../support/files";
import type { World } from "../../support/fixtures";
import type { MatrixModule, MatrixSite } from "./types";
import { newRequestId } from "@/lib/request-id";

/** Newspapers: actions, inputs and fixtures for the authorization matrix. */
let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;
const siteOf = (w: World, s: MatrixSite) => (s === "a" ? w.siteA : w.siteB);
/** Every fixture day and every receipt gets a day of its own (one day per site and date), well in the past. */
let dayOffset = 0;
const nextDate = () => addDays(localDateInZone(new Date(), "Asia/Shanghai"), -(400 + dayOffset++));

const fx: Record<MatrixSite, { title: string; subscription: string; day: string; delivery: string; file: string; date: string }> = {
  a: { title: "", subscription: "", day: "", delivery: "", file: "", date: "" },
  b: { title: "", subscription: "", day: "", delivery: "", file: "", date: "" },
};

const DELIVERY_STATE: Partial<Record<ActionName, "PENDING" | "HELD">> = {
  deliverNewspaperAction: "PENDING",
  holdNewspaperAction: "PENDING",
  pickUpNewspaperAction: "HELD",
};
const NEEDS_FILE: ActionName[] = ["receiveNewspapersAction", "deliverNewspaperAction", "pickUpNewspaperAction"];

async function prepare(name: ActionName, site: MatrixSite, actorId: string | null, w: World) {
  if (!name.includes("Newspaper")) return;
  const siteId = siteOf(w, site);
  const f = fx[site];
  f.date = nextDate();
  f.title = (await db.newspaperTitle.create({ data: { siteId, name: `矩阵报${uniq()}` } })).id;
  f.subscription = (
    await db.newspaperSubscription.create({
      data: {
        siteId,
        titleId: f.title,
        tenantId: w[site].tenant,
        unitId: w[site].unit,
        copies: 1,
        startsOn: new Date("2020-01-01T00:00:00Z"),
        createdById: w.users.CLERK,
      },
    })
  ).id;
  if (NEEDS_FILE.includes(name)) f.file = await uploadedFile(actorId ?? w.users.MANAGER, siteId, "SIGNATURE");
  if (["handOverNewspapersAction", "closeNewspaperDayAction", ...Object.keys(DELIVERY_STATE)].includes(name)) {
    const day = await db.newspaperDay.create({
      data: {
        requestId: newRequestId(),
        siteId,
        date: new Date(`${nextDate()}T00:00:00Z`),
        courierName: "矩阵",
        receivedById: w.users.FRONT_DESK,
        receiptSignatureFileId: "matrix",
        handedOverAt: name === "handOverNewspapersAction" ? null : new Date(),
        deliveryStaffName: name === "handOverNewspapersAction" ? null : "小李",
      },
    });
    f.day = day.id;
    const state = DELIVERY_STATE[name];
    if (state)
      f.delivery = (
        await db.newspaperDelivery.create({
          data: {
            dayId: day.id,
            siteId,
            subscriptionId: f.subscription,
            titleId: f.title,
            tenantId: w[site].tenant,
            unitId: w[site].unit,
            copies: 1,
            state,
          },
        })
      ).id;
  }
}

export const newspapersMatrix: MatrixModule = {
  actions: [newspaperActions],
  prepare,
  inputs: {
    createNewspaperTitleAction: (w, s) => ({ siteId: siteOf(w, s), name: `新报${uniq()}`, publisher: "" }),
    updateNewspaperTitleAction: (_w, s) => ({ id: fx[s].title, name: `改名报${uniq()}`, publisher: "报业集团", active: true }),
    createNewspaperSubscriptionAction: (w, s) => ({
      requestId: newRequestId(),
      siteId: siteOf(w, s),
      titleId: fx[s].title,
      tenantId: w[s].tenant,
      unitId: w[s].unit,
      copies: 2,
      startsOn: "2026-01-01",
      endsOn: "",
    }),
    updateNewspaperSubscriptionAction: (_w, s) => ({ id: fx[s].subscription, copies: 3, startsOn: "2026-01-01", endsOn: "2099-12-31" }),
    receiveNewspapersAction: (w, s) => ({
      requestId: newRequestId(),
      siteId: siteOf(w, s),
      date: fx[s].date,
      courierName: "邮递员",
      signatureFileId: fx[s].file,
      lines: [{ titleId: fx[s].title, received: 1 }],
    }),
    handOverNewspapersAction: (_w, s) => ({ dayId: fx[s].day, deliveryStaffName: "小李" }),
    deliverNewspaperAction: (_w, s) => ({ deliveryId: fx[s].delivery, recipientName: "前台", signatureFileId: fx[s].file }),
    holdNewspaperAction: (_w, s) => ({ deliveryId: fx[s].delivery }),
    pickUpNewspaperAction: (_w, s) => ({ deliveryId: fx[s].delivery, pickupName: "张三", signatureFileId: fx[s].file }),
    closeNewspaperDayAction: (_w, s) => ({ dayId: fx[s].day, returned: [] }),
  },
};
