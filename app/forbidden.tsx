import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <div className="mx-auto max-w-md p-8 text-center">
      <h1 className="mb-2 text-2xl font-semibold">403</h1>
      <p className="mb-4 text-slate-600" data-testid="forbidden">
        {t("forbiddenPage")}
      </p>
      <Link href="/" className="text-sky-700 underline">
        {t("backHome")}
      </Link>
    </div>
  );
}
