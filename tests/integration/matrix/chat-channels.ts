import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import * as chatChannelActions from "@/lib/chat-channels/actions";
import { encryptSecret } from "@/lib/chat-channels/crypto";
import { db } from "@/lib/db";
import { newRequestId } from "@/lib/request-id";
import type { ActionName } from "@/lib/permissions";
import type { World } from "../../support/fixtures";
import type { MatrixModule, MatrixSite } from "./types";

// Chat channel secrets are encrypted with a key from the environment (read on first use).
process.env.KEWU_SECRET_KEY ??= "matrix-key-for-chat-channel-secrets-0123456789";

/** A webhook receiver that accepts everything, for the test message; started on first use. */
let receiver: Promise<string> | undefined;
function receiverUrl(): Promise<string> {
  receiver ??= new Promise((resolve) => {
    const server = createServer((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
    });
    server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`));
    server.unref();
  });
  return receiver;
}

let url = "";
const channelFor: Record<MatrixSite, string> = { a: "", b: "" };

async function prepare(name: ActionName, site: MatrixSite, _actorId: string | null, world: World) {
  if (!name.includes("ChatChannel") && name !== "sendTestChatMessageAction") return;
  url = await receiverUrl();
  channelFor[site] = (
    await db.chatChannel.create({
      data: {
        siteId: site === "a" ? world.siteA : world.siteB,
        kind: "WEBHOOK",
        name: "客服群",
        urlEncrypted: encryptSecret(url),
        urlHost: new URL(url).host,
        topics: ["deadlines"],
        locale: "zh-CN",
      },
      select: { id: true },
    })
  ).id;
}

/** A site's chat channels (group robots, webhooks): managers of the site and the admin. */
export const chatChannelsMatrix: MatrixModule = {
  actions: [chatChannelActions],
  inputs: {
    createChatChannelAction: (w, s) => ({
      requestId: newRequestId(),
      siteId: s === "a" ? w.siteA : w.siteB,
      kind: "WEBHOOK",
      name: "值班群",
      url,
      topics: ["deadlines", "workOrders"],
      locale: "zh-CN",
    }),
    updateChatChannelAction: (_w, s) => ({
      channelId: channelFor[s],
      version: 0,
      name: "值班群",
      topics: ["leave"],
      locale: "en",
      active: true,
    }),
    deleteChatChannelAction: (_w, s) => ({ channelId: channelFor[s] }),
    sendTestChatMessageAction: (_w, s) => ({ channelId: channelFor[s] }),
  },
  prepare,
  noAudit: ["sendTestChatMessageAction"],
};
