"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("shell");
  return (
    <button
      type="button"
      className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100"
      onClick={() => signOut({ callbackUrl: "/login" })}
    >
      {t("signOut")}
    </button>
  );
}
