import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { UNREAD_SHOWN, unreadCount } from "@/lib/notifications/queries";

/** The header bell: a link to /notifications with the signed-in user's unread count ("99+" past 99). */
export async function NotificationBell() {
  const [t, count] = await Promise.all([getTranslations("notifications"), unreadCount()]);
  const shown = count > UNREAD_SHOWN ? `${UNREAD_SHOWN}+` : count;
  const label = t("bell", { count: shown });
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative inline-flex min-h-11 min-w-11 items-center justify-center rounded-md text-slate-600 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={1.8}>
        <path
          strokeLinecap="round"
          strokeLinejoin="round"
          d="M15 17h5l-1.4-1.4A2 2 0 0 1 18 14.2V11a6 6 0 1 0-12 0v3.2a2 2 0 0 1-.6 1.4L4 17h5m6 0a3 3 0 1 1-6 0m6 0H9"
        />
      </svg>
      {count > 0 ? (
        <span
          aria-hidden="true"
          className="absolute top-0.5 right-0.5 min-w-4 rounded-full bg-red-600 px-1 text-center text-[10px] leading-4 font-semibold text-white"
        >
          {shown}
        </span>
      ) : null}
    </Link>
  );
}
