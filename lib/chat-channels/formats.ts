import { createHmac } from "node:crypto";

/**
 * What each chat platform expects: the request (URL with any signature, JSON body) for one message,
 * and how it answers. Pure: no I/O, unit-tested in formats.test.ts and against a local receiver in
 * tests/integration/chat-channels.test.ts.
 *
 * - WeCom (企业微信) group robot: `{ msgtype: "markdown", markdown: { content } }`, answer `errcode`.
 * - DingTalk (钉钉) group robot: `{ msgtype: "markdown", markdown: { title, text } }`, with
 *   `timestamp` (ms) and `sign` = base64(HMAC-SHA256(key = secret, `${timestamp}\n${secret}`)) as
 *   URL-encoded query parameters when the robot has a signing secret; answer `errcode`.
 * - Feishu (飞书) bot: an interactive card with one markdown element; when signing is on, `timestamp`
 *   (seconds) and `sign` = base64(HMAC-SHA256(key = `${timestamp}\n${secret}`, message = "")) in the
 *   body; answer `code`.
 * - Any webhook: `{ topic, title, text, link }`; any 2xx answer is success.
 */

export const CHAT_KINDS = ["WECOM", "DINGTALK", "FEISHU", "WEBHOOK"] as const;
export type ChatKind = (typeof CHAT_KINDS)[number];

export interface ChatMessage {
  topic: string;
  title: string;
  /** Markdown, in the channel's language. */
  text: string;
  /** Absolute URL of the record. */
  link: string | null;
}

export interface ChatRequest {
  url: string;
  body: unknown;
}

export function dingTalkSign(secret: string, timestampMs: number): string {
  return createHmac("sha256", secret).update(`${timestampMs}\n${secret}`).digest("base64");
}

export function feishuSign(secret: string, timestampSeconds: number): string {
  return createHmac("sha256", `${timestampSeconds}\n${secret}`).update("").digest("base64");
}

/** The text, then a link back to the record, in markdown. */
function bodyOf(message: ChatMessage, linkLabel: string): string {
  return message.link ? `${message.text}\n\n[${linkLabel}](${message.link})` : message.text;
}

/** The markdown shown in the chat: the title in bold, the text, then a link back to the record. */
export function markdownOf(message: ChatMessage, linkLabel: string): string {
  return `**${message.title}**\n\n${bodyOf(message, linkLabel)}`;
}

export function buildChatRequest(
  kind: ChatKind,
  url: string,
  secret: string | null,
  message: ChatMessage,
  linkLabel: string,
  now: Date = new Date(),
): ChatRequest {
  const content = markdownOf(message, linkLabel);
  switch (kind) {
    case "WECOM":
      return { url, body: { msgtype: "markdown", markdown: { content } } };
    case "DINGTALK": {
      const body = { msgtype: "markdown", markdown: { title: message.title, text: content } };
      if (!secret) return { url, body };
      const target = new URL(url);
      const timestamp = now.getTime();
      target.searchParams.set("timestamp", String(timestamp));
      target.searchParams.set("sign", dingTalkSign(secret, timestamp));
      return { url: target.toString(), body };
    }
    case "FEISHU": {
      const card = {
        header: { title: { tag: "plain_text", content: message.title } },
        elements: [{ tag: "markdown", content: bodyOf(message, linkLabel) }],
      };
      if (!secret) return { url, body: { msg_type: "interactive", card } };
      const timestamp = Math.floor(now.getTime() / 1000);
      return { url, body: { timestamp: String(timestamp), sign: feishuSign(secret, timestamp), msg_type: "interactive", card } };
    }
    case "WEBHOOK":
      return { url, body: { topic: message.topic, title: message.title, text: message.text, link: message.link } };
  }
}

/**
 * The platform's verdict on an HTTP answer: robots answer 200 with an error code in the body
 * (a wrong token, a bad signature, a blocked keyword…). Null means delivered.
 */
export function chatAnswerError(kind: ChatKind, status: number, bodyText: string): string | null {
  if (status < 200 || status >= 300) return `HTTP ${status}${bodyText ? `: ${bodyText.slice(0, 300)}` : ""}`;
  if (kind === "WEBHOOK") return null;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(bodyText) as Record<string, unknown>;
  } catch {
    return `HTTP ${status}: ${bodyText.slice(0, 300) || "empty answer"}`;
  }
  const code = kind === "FEISHU" ? (body.code ?? body.StatusCode) : body.errcode;
  if (code === undefined || code === 0 || code === "0") return null;
  const text = kind === "FEISHU" ? (body.msg ?? body.StatusMessage) : body.errmsg;
  return `${String(code)}: ${typeof text === "string" ? text : JSON.stringify(body).slice(0, 300)}`;
}

/**
 * Where a channel may point: https only (the URL carries the robot's token), except http to this
 * machine when `allowLocalHttp` (tests and local trials). Returns an error code or null.
 */
export function webhookUrlProblem(raw: string, allowLocalHttp: boolean): "invalid" | "notHttps" | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "invalid";
  }
  if (url.username || url.password) return "invalid";
  if (url.protocol === "https:") return null;
  if (url.protocol === "http:" && allowLocalHttp && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname)) return null;
  return url.protocol === "http:" ? "notHttps" : "invalid";
}
