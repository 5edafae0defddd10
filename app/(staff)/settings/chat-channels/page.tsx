import { getTranslations } from "next-intl/server";
import { ChatChannelCard, type ChatChannelView } from "@/components/chat-channels/chat-channel-card";
import { NewChatChannelForm } from "@/components/chat-channels/new-chat-channel-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { formatInZone } from "@/lib/calendar";
import { chatChannelSettings } from "@/lib/chat-channels/queries";
import { withClientMessages } from "@/components/i18n/client-messages";

/** Managers (and the admin): each site's chat channels, their last errors, a test message. */
async function ChatChannelsPage() {
  const actor = await requirePagePermission("chat:manage");
  const [t, sites] = await Promise.all([getTranslations("chatChannels"), chatChannelSettings(actor)]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <div className="flex flex-col gap-8">
        {sites.map((site) => {
          const at = (d: Date | null) => (d ? formatInZone(d, site.timeZone) : null);
          const channels: ChatChannelView[] = site.channels.map((c) => ({
            id: c.id,
            kind: c.kind,
            name: c.name,
            urlHost: c.urlHost,
            hasSecret: c.hasSecret,
            topics: c.topics,
            locale: c.locale,
            active: c.active,
            version: c.version,
            lastError: c.lastError,
            lastErrorAt: at(c.lastErrorAt),
            lastSentAt: at(c.lastSentAt),
            deliveries: c.deliveries.map((d) => ({
              id: d.id,
              topic: d.topic,
              state: d.state,
              attempts: d.attempts,
              lastError: d.lastError,
              at: at(d.sentAt ?? d.createdAt)!,
            })),
          }));
          return (
            <section key={site.id} aria-labelledby={`site-${site.id}`} className="flex flex-col gap-3">
              <h2 id={`site-${site.id}`} className="text-base font-semibold text-slate-900">
                {site.name}
              </h2>
              {channels.length === 0 ? <p className="text-sm text-slate-500">{t("empty")}</p> : null}
              <div className="grid gap-4 lg:grid-cols-2">
                {channels.map((channel) => (
                  <ChatChannelCard key={`${channel.id}-${channel.version}`} channel={channel} />
                ))}
              </div>
              <div className="rounded-lg border border-dashed border-slate-300 bg-white p-4">
                <h3 className="mb-2 font-semibold text-slate-800">{t("add")}</h3>
                <NewChatChannelForm siteId={site.id} />
              </div>
            </section>
          );
        })}
      </div>
    </>
  );
}

export default withClientMessages(["chatChannels", "common", "validation"], ChatChannelsPage);
