import { z } from "zod";
import { hhmm, id, localDate, optionalTrimmed, trimmed } from "@/lib/validation";
import { AMENDMENT_SECTIONS, ATTENDANCE_STATUSES } from "./rules";
import { requestIdField } from "@/lib/request-id-schema";

/**
 * zod schemas shared by the meeting forms and their server actions (strict: unknown fields refused).
 * Messages written here are keys of the `meetings` namespace, shown next to their field.
 */

/** A required choice whose absence gets this module's own message (e.g. an action item without owner). */
const required = (key: string) => z.string({ error: key }).trim().min(1, { message: key }).max(50);
const requiredDate = (key: string) => z.string({ error: key }).trim().min(1, { message: key }).pipe(localDate());
const agendaText = () => optionalTrimmed(5000);

export const ScheduleMeetingSchema = z.strictObject({
  requestId: requestIdField(),
  seriesId: id(),
  date: requiredDate("meetings.errors.dateRequired"),
  time: hhmm(),
  place: trimmed(100),
});

/** One row per expected person; an empty status leaves that person unrecorded. */
export const AttendanceEntrySchema = z.strictObject({
  participantId: id(),
  status: z.union([z.enum(ATTENDANCE_STATUSES), z.literal("")]),
  note: optionalTrimmed(200),
});
export const RecordAttendanceSchema = z.strictObject({
  meetingId: id(),
  entries: z.array(AttendanceEntrySchema).min(1).max(60),
});

/** R-MTG-2: the fixed agenda; drafts may leave sections empty until confirmation. */
/** Every edit carries the version the form was loaded with (lib/versioning.ts). */
const version = () => z.number().int().min(0);

export const SaveMinutesSchema = z
  .strictObject({
    meetingId: id(),
    version: version(),
    lastWeekReview: agendaText(),
    nextWeekPlan: agendaText(),
    assignments: agendaText(),
  })
  // R-MTG-2: a draft may leave sections empty, but minutes with nothing in them are not "saved"; the form
  // refuses them before sending, the server again (the same schema).
  .superRefine((v, ctx) => {
    if (!v.lastWeekReview && !v.nextWeekPlan && !v.assignments)
      ctx.addIssue({ code: "custom", message: "meetings.errors.minutesEmpty", path: ["lastWeekReview"] });
  });

const actionItemFields = {
  description: trimmed(500),
  ownerParticipantId: required("meetings.errors.ownerRequired"),
  dueOn: requiredDate("meetings.errors.dueRequired"),
};
/** R-MTG-5: a decision that assigns work, with an owner and a due date. */
export const AddActionItemSchema = z.strictObject({ requestId: requestIdField(), meetingId: id(), ...actionItemFields });
export const UpdateActionItemSchema = z.strictObject({ actionItemId: id(), ...actionItemFields });
export const CloseActionItemSchema = z.strictObject({
  actionItemId: id(),
  /** The meeting in which it is closed (the one on screen); empty between meetings. */
  meetingId: optionalTrimmed(50),
  closingNote: optionalTrimmed(300),
});

export const ConfirmMeetingSchema = z.strictObject({ meetingId: id() });

/** R-MTG-4: a correction of confirmed minutes, linked to them. */
export const AmendMeetingSchema = z.strictObject({
  requestId: requestIdField(),
  meetingId: id(),
  section: z.enum(AMENDMENT_SECTIONS),
  text: trimmed(5000),
  reason: trimmed(300),
});

export const RequestLeaveSchema = z.strictObject({
  requestId: requestIdField(),
  meetingId: id(),
  participantId: required("meetings.errors.participantRequired"),
  reason: trimmed(300),
});
export const DecideLeaveSchema = z.strictObject({
  leaveRequestId: id(),
  decision: z.enum(["APPROVED", "REFUSED"]),
  decisionNote: optionalTrimmed(300),
});

/** Series management (managers): convener, minute-taker, usual slot. */
export const UpdateSeriesSchema = z.strictObject({
  seriesId: id(),
  version: version(),
  convenerId: id(),
  minuteTakerId: id(),
  weekday: z.coerce.number().int().min(1).max(7),
  startTime: hhmm(),
  place: trimmed(100),
  active: z.boolean(),
});
/** An expected attendee: a staff account of the site, or a named person of a contractor. */
export const AddParticipantSchema = z
  .strictObject({
    /** A double submit adds one participant (lib/idempotency.ts). */
    requestId: requestIdField(),
    seriesId: id(),
    userId: optionalTrimmed(50),
    name: optionalTrimmed(50),
    organization: optionalTrimmed(60),
    position: optionalTrimmed(30),
    superiorId: optionalTrimmed(50),
  })
  .superRefine((v, ctx) => {
    if (!v.userId && !v.name) ctx.addIssue({ code: "custom", message: "meetings.errors.participantNameRequired", path: ["name"] });
  });
/** A participant is part of its series' record: the series' version guards the change. */
export const SetParticipantActiveSchema = z.strictObject({ participantId: id(), version: version(), active: z.boolean() });

export type ScheduleMeetingInput = z.input<typeof ScheduleMeetingSchema>;
export type RecordAttendanceInput = z.input<typeof RecordAttendanceSchema>;
export type SaveMinutesInput = z.input<typeof SaveMinutesSchema>;
export type AddActionItemInput = z.input<typeof AddActionItemSchema>;
export type AmendMeetingInput = z.input<typeof AmendMeetingSchema>;
export type RequestLeaveInput = z.input<typeof RequestLeaveSchema>;
export type UpdateSeriesInput = z.input<typeof UpdateSeriesSchema>;
export type AddParticipantInput = z.input<typeof AddParticipantSchema>;
