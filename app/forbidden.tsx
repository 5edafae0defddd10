import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/ui/status-page";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return <StatusPage status={403} message={t("forbiddenPage")} href="/" linkLabel={t("backHome")} testId="forbidden" />;
}
