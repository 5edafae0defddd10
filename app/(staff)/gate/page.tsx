import { getTranslations } from "next-intl/server";
import { GateScanner } from "@/components/goods-passes/gate-scanner";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { lookupPass } from "@/lib/goods-passes/gate.queries";
import { withClientMessages } from "@/components/i18n/client-messages";

/** 门岗放行 (R-GP-7): the guard scans or types a pass number; `?q=` is what was scanned or typed. */
async function GatePage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  await requirePagePermission("goodspass:release");
  const { q } = await searchParams;
  const query = (typeof q === "string" ? q : "").trim().slice(0, 100);
  const pass = query ? await lookupPass(query) : null;
  const t = await getTranslations("gate");
  return (
    <div className="mx-auto max-w-xl">
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <GateScanner query={query} pass={pass} />
    </div>
  );
}

export default withClientMessages(["gate"], GatePage);
