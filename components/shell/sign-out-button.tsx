"use client";

import { useTranslations } from "next-intl";
import { useOptionalOutbox } from "@/components/offline/outbox";
import { forgetPages } from "@/lib/offline/caches";

/**
 * Signing out leaves nothing of this user on the phone: the outbox (after a warning naming how many
 * records have not been sent) and every page the service worker kept (lib/offline/caches.ts; the
 * sign-in page forgets them again).
 */
export function SignOutButton() {
  const t = useTranslations("shell");
  const tOffline = useTranslations("offline");
  const items = useOptionalOutbox()?.items ?? [];
  async function signOutHere() {
    if (items.length > 0 && !window.confirm(tOffline("signOutUnsent", { count: items.length }))) return;
    await (await import("@/lib/offline/store")).clearOutbox();
    await forgetPages();
    // Offline the server cannot end the session (next-auth would send the phone to its own sign-out
    // page once a connection returns): this phone's data is gone; the user signs out again online.
    if (!navigator.onLine) {
      window.alert(tOffline("signOutOffline"));
      return;
    }
    // next-auth's client (with its runtime helpers, ~15 KB gz) loads on the click, not with every page.
    await (await import("next-auth/react")).signOut({ callbackUrl: "/login" });
  }
  return (
    <button
      type="button"
      className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-md px-2 text-sm text-slate-600 hover:bg-slate-100"
      onClick={() => void signOutHere()}
    >
      {t("signOut")}
    </button>
  );
}
