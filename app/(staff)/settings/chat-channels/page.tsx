import { getTranslations } from "next-intl/server";
import { ChatChannelCard, type ChatChannelView } from "@/components/chat-channels/chat-channel-card";
import { NewChatChannelForm } from "@/components/chat-channels/new-chat-channel-form";
import { SiteChooser } from "@/components/ui/filter-bar";
import { BySiteSection, SiteLines } from "@/components/ui/by-site";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { formatInZone } from "@/lib/calendar";
import { chatChannelSettings } from "@/lib/chat-channels/queries";
import { param } from "@/lib/pagination";
import { withClientMessages } from "@/components/i18n/client-messages";

/** Managers (and the admin): each site's chat channels, their last errors, a test message. */
async function ChatChannelsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("chat:manage");
  const sp = await searchParams;
  const [t, settings] = await Promise.all([getTranslations("chatChannels"), chatChannelSettings(actor, { site: param(sp.site, 50) })]);
  const shown = settings.sites.filter((site) => site.channels !== null);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      {/* Many sites (lib/many-sites.ts): choose one; with none chosen, each site's channels counted. */}
      {shown.length < settings.sites.length || settings.site ? (
        <SiteChooser label={t("site")} value={settings.site} sites={settings.sites} />
      ) : null}
      {shown.length === 0 ? (
        <BySiteSection id="channels-by-site" title={t("bySite.title")} hint={t("bySite.choose", { count: settings.sites.length })}>
          <SiteLines
            testId="channel-counts"
            lines={settings.sites.map((site) => ({
              id: site.id,
              name: site.name,
              href: `/settings/chat-channels?site=${site.id}`,
              detail: (
                <>
                  <span className="text-slate-600">{t("bySite.count", { count: site.channelCount })}</span>
                  {site.failingCount > 0 ? (
                    <span className="font-medium text-red-700">{t("bySite.failing", { count: site.failingCount })}</span>
                  ) : null}
                </>
              ),
            }))}
          />
        </BySiteSection>
      ) : null}
      <div className="flex flex-col gap-8">
        {shown.map((site) => {
          const at = (d: Date | null) => (d ? formatInZone(d, site.timeZone) : null);
          const channels: ChatChannelView[] = site.channels!.map((c) => ({
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
