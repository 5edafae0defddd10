import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/ui/status-page";

/**
 * The 401 page (unauthorized(), enabled with authInterrupts beside forbidden()). Kewu sends visitors
 * without a session to the sign-in page instead, but Next.js renders this boundary into every page's
 * payload: its own default page was a kilobyte of inline styles in each of them.
 */
export default async function Unauthorized() {
  const t = await getTranslations("errors");
  return <StatusPage status={401} message={t("unauthenticated")} href="/login" linkLabel={t("signIn")} />;
}
