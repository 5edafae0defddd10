import { z } from "zod";
import { requestIdField } from "@/lib/request-id-schema";
import { id, trimmed } from "@/lib/validation";
import { CHAT_KINDS } from "./formats";

/**
 * What a chat channel may receive. Deadline reminders come from the morning reminder run
 * (complaints, vacant units, meetings); leave requests from the meetings' reminders; work orders
 * when an inspection opens one; health certificates and the daily report when those modules send.
 */
export const CHAT_TOPICS = ["deadlines", "workOrders", "leave", "healthCertificates", "dailyReport"] as const;
export type ChatTopic = (typeof CHAT_TOPICS)[number];

export const CHAT_LOCALES = ["zh-CN", "en"] as const;

const url = () => z.string().trim().min(1).max(1000);
/** Left empty when editing: the stored secret stays (it is never sent back to the page). */
const optionalSecret = () =>
  z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => (v ? v : undefined));

const channelFields = {
  name: trimmed(60),
  topics: z.array(z.enum(CHAT_TOPICS)).min(1, { message: "chatChannels.errors.noTopic" }).max(CHAT_TOPICS.length),
  locale: z.enum(CHAT_LOCALES),
  secret: optionalSecret(),
};

export const CreateChatChannelSchema = z.strictObject({
  /** A double submit makes one channel (lib/idempotency.ts). */
  requestId: requestIdField(),
  siteId: id(),
  kind: z.enum(CHAT_KINDS),
  url: url(),
  ...channelFields,
});

export const UpdateChatChannelSchema = z.strictObject({
  channelId: id(),
  version: z.number().int().min(0),
  /** Empty: keep the stored URL. */
  url: z
    .string()
    .trim()
    .max(1000)
    .optional()
    .transform((v) => (v ? v : undefined)),
  /** Drop the stored signing secret. */
  clearSecret: z.boolean().optional(),
  active: z.boolean(),
  ...channelFields,
});

export const ChatChannelIdSchema = z.strictObject({ channelId: id() });

export type CreateChatChannelInput = z.input<typeof CreateChatChannelSchema>;
export type UpdateChatChannelInput = z.input<typeof UpdateChatChannelSchema>;
