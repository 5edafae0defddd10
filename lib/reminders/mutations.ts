import "server-only";
import { z } from "zod";
import { defineMutation } from "@/lib/action";
import type { Actor } from "@/lib/auth/actor";
import { runReminders } from "./run";

export const RunRemindersSchema = z.strictObject({});

/** A manager runs the reminders of their own sites now (the scheduled run does every site each morning). */
export const runRemindersNow = defineMutation({
  name: "runRemindersAction",
  schema: RunRemindersSchema,
  async run(actor: Actor) {
    if (actor.siteIds.length === 0) return { sites: 0, reminders: 0, created: 0 };
    return runReminders(new Date(), actor.siteIds);
  },
});
