import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

/**
 * The 401 page (unauthorized(), enabled with authInterrupts beside forbidden()). Kewu sends visitors
 * without a session to the sign-in page instead, but Next.js renders this boundary into every page's
 * payload: its own default page was a kilobyte of inline styles in each of them.
 */
export default async function Unauthorized() {
  const t = await getTranslations("errors");
  return (
    <div className="mx-auto max-w-md p-8 text-center">
      <h1 className="mb-2 text-2xl font-semibold">401</h1>
      <p className="mb-4 text-slate-600">{t("unauthenticated")}</p>
      <Link href="/login" className="text-sky-700 underline">
        {t("signIn")}
      </Link>
    </div>
  );
}
