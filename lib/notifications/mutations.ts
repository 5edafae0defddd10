import "server-only";
import { z } from "zod";
import { defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { runReminders } from "@/lib/reminders/run";
import { id } from "@/lib/validation";

/** `{}` marks all of the caller's unread notifications read; `{ ids }` only those (of the caller's). */
export const MarkNotificationsReadSchema = z.strictObject({ ids: z.array(id()).min(1).max(200).optional() });

export const RunRemindersSchema = z.strictObject({});

export const markNotificationsRead = defineMutation({
  name: "markNotificationsReadAction",
  schema: MarkNotificationsReadSchema,
  revalidate: ["/notifications"],
  async run(actor: Actor, input) {
    // The userId condition is the whole authorization: ids of other users' rows simply match nothing.
    const { count } = await db.notification.updateMany({
      where: { userId: actor.id, readAt: null, ...(input.ids ? { id: { in: input.ids } } : {}) },
      data: { readAt: new Date() },
    });
    return { count };
  },
});

/** A manager runs the reminders of their own sites now (the scheduled run does every site each morning). */
export const runRemindersNow = defineMutation({
  name: "runRemindersAction",
  schema: RunRemindersSchema,
  revalidate: ["/notifications"],
  async run(actor: Actor) {
    if (actor.siteIds.length === 0) return { sites: 0, reminders: 0, created: 0 };
    return runReminders(new Date(), actor.siteIds);
  },
});
