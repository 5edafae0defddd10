import "server-only";
import { z } from "zod";
import { defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { id } from "@/lib/validation";

/** `{}` marks all of the caller's unread notifications read; `{ ids }` only those (of the caller's). */
export const MarkNotificationsReadSchema = z.strictObject({ ids: z.array(id()).min(1).max(200).optional() });

export const markNotificationsRead = defineMutation({
  name: "markNotificationsReadAction",
  schema: MarkNotificationsReadSchema,
  async run(actor: Actor, input) {
    // The userId condition is the whole authorization: ids of other users' rows simply match nothing.
    const { count } = await db.notification.updateMany({
      where: { userId: actor.id, readAt: null, ...(input.ids ? { id: { in: input.ids } } : {}) },
      data: { readAt: new Date() },
    });
    return { count };
  },
});
