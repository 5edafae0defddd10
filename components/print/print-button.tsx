"use client";

import { useTranslations } from "next-intl";

export function PrintButton() {
  const t = useTranslations("print");
  return (
    <button type="button" onClick={() => window.print()} className="no-print rounded-md bg-sky-700 px-4 py-2 text-sm text-white">
      {t("print")}
    </button>
  );
}
