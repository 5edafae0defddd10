"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("shell");
  return (
    <button
      type="button"
      className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-md px-2 text-sm text-slate-600 hover:bg-slate-100"
      onClick={() => signOut({ callbackUrl: "/login" })}
    >
      {t("signOut")}
    </button>
  );
}
