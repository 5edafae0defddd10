import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { NotificationToolbar } from "@/components/notifications/notification-buttons";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requirePagePermission } from "@/lib/auth/guard";
import { listNotifications, unreadCount } from "@/lib/notifications/queries";
import { pageRequest } from "@/lib/pagination";
import { roleHas } from "@/lib/permissions";
import { withClientMessages } from "@/components/i18n/client-messages";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function NotificationsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePagePermission("notification:read");
  const sp = await searchParams;
  const [t, result, unread] = await Promise.all([getTranslations("notifications"), listNotifications(pageRequest(sp.page)), unreadCount()]);
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <NotificationToolbar hasUnread={unread > 0} canRun={roleHas(actor.role, "reminder:run")} />
      {result.rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white px-3 py-6 text-center text-sm text-slate-500">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="notification-list">
          {result.rows.map((n) => {
            const unreadRow = n.readAt === null;
            return (
              <li
                key={n.id}
                className={`flex flex-col gap-1 px-3 py-2 sm:flex-row sm:items-start sm:justify-between ${unreadRow ? "bg-sky-50/60" : ""}`}
                data-unread={unreadRow || undefined}
              >
                <div className="min-w-0">
                  <p className={`text-sm ${unreadRow ? "font-semibold text-slate-900" : "text-slate-700"}`}>
                    {unreadRow ? <span className="sr-only">{t("unreadPrefix")}</span> : null}
                    {n.kind.endsWith(".overdue") ? (
                      <span aria-hidden="true" className="mr-1 inline-block h-2 w-2 rounded-full bg-red-600" />
                    ) : null}
                    {n.title}
                  </p>
                  {n.body ? <p className="text-xs text-slate-500">{n.body}</p> : null}
                  <p className="text-xs text-slate-400">
                    <time dateTime={n.createdAt.toISOString()}>{n.localAt}</time>
                  </p>
                </div>
                {n.link ? (
                  <Link href={n.link} className="shrink-0 text-sm text-sky-700 underline-offset-2 hover:underline">
                    {t("open")}
                  </Link>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={result.page} pageCount={result.pageCount} total={result.total} capped={result.capped} searchParams={{}} />
    </>
  );
}

export default withClientMessages(["notifications"], NotificationsPage);
