import "server-only";
import { cleaningSupervisionReminders } from "@/lib/cleaning-supervision/reminders";
import { complaintReminders } from "@/lib/complaints/reminders";
import { contractorReminders } from "@/lib/contractors/reminders";
import { foundItemReminders } from "@/lib/found-items/reminders";
import { meetingReminders } from "@/lib/meetings/reminders";
import { specialServiceReminders } from "@/lib/special-services/reminders";
import { surveyReminders } from "@/lib/surveys/reminders";
import { vacantUnitReminders } from "@/lib/vacant-units/reminders";
import { wasteReminders } from "@/lib/waste/reminders";
import type { ReminderSource } from "./source";

/** Every module that reminds people; the run (run.ts) loops over this list in this order. */
export const REMINDER_SOURCES: readonly ReminderSource[] = [
  complaintReminders,
  vacantUnitReminders,
  meetingReminders,
  cleaningSupervisionReminders,
  wasteReminders,
  specialServiceReminders,
  contractorReminders,
  surveyReminders,
  foundItemReminders,
];
