import "server-only";
import { complaintReminders } from "@/lib/complaints/reminders";
import { meetingReminders } from "@/lib/meetings/reminders";
import { surveyReminders } from "@/lib/surveys/reminders";
import { vacantUnitReminders } from "@/lib/vacant-units/reminders";
import type { ReminderSource } from "./source";

/** Every module that reminds people; the run (run.ts) loops over this list in this order. */
export const REMINDER_SOURCES: readonly ReminderSource[] = [complaintReminders, vacantUnitReminders, meetingReminders, surveyReminders];
