import "server-only";
import { translator } from "@/lib/i18n/server";
import { CHAT_LOCALES } from "./schema";
import { notifyChannels } from "./send";

/**
 * A round has opened work orders for engineering (R-INS-5): one chat message per work order to the
 * site's channels that receive work orders. Call after the transaction that created them; it never
 * throws (notifyChannels).
 */
export async function notifyWorkOrdersOpened(
  siteId: string,
  workOrders: readonly { id: string; number: string; description: string }[],
): Promise<void> {
  await notifyChannels(
    siteId,
    workOrders.map((w) => ({
      topic: "workOrders" as const,
      dedupeKey: `workOrder.opened|${w.id}`,
      link: `/work-orders/${w.id}`,
      texts: Object.fromEntries(
        CHAT_LOCALES.map((locale) => {
          const t = translator(locale);
          return [locale, { title: t("chatChannels.workOrderOpened", { number: w.number }), text: w.description }];
        }),
      ),
    })),
  );
}
