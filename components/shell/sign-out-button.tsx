"use client";

import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("shell");
  return (
    <button
      type="button"
      className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-md px-2 text-sm text-slate-600 hover:bg-slate-100"
      // next-auth's client (with its runtime helpers, ~15 KB gz) loads on the click, not with every page.
      onClick={async () => (await import("next-auth/react")).signOut({ callbackUrl: "/login" })}
    >
      {t("signOut")}
    </button>
  );
}
