import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/ui/status-page";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return <StatusPage status={404} message={t("notFoundPage")} href="/" linkLabel={t("backHome")} />;
}
