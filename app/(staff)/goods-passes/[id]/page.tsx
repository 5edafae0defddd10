import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CompetingPasses } from "@/components/goods-passes/competing-passes";
import { PassDetail } from "@/components/goods-passes/pass-detail";
import { StampActions } from "@/components/goods-passes/stamp-actions";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { getGoodsPass } from "@/lib/goods-passes/queries";
import { goodsPassNextStep } from "@/lib/next-step/rules";
import { roleHas } from "@/lib/permissions";
import { NextStepNote } from "@/components/records/next-step-note";
import { withClientMessages } from "@/components/i18n/client-messages";

async function GoodsPassPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("goodspass:read");
  const { id } = await params;
  const pass = await getGoodsPass(id);
  if (!pass) notFound();
  const t = await getTranslations("goodsPasses");
  const next = goodsPassNextStep(pass.state);
  return (
    <>
      <PageHeader
        title={`${t("title")} ${pass.number ?? ""}`.trim()}
        subtitle={`${pass.site.name} · ${t(`directions.${pass.direction}`)} · ${t(`states.${pass.state}`)}`}
        actions={
          <Link href={`/goods-passes/${pass.id}/print`} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            {t("print")}
          </Link>
        }
      />
      <PassDetail pass={pass}>
        {next ? <NextStepNote next={next} /> : null}
        {/* R-GP-3: the client-service department stamps (or rejects) a pending pass. */}
        {roleHas(actor.role, "goodspass:stamp") ? (
          <>
            {/* R-GP-5: two unstamped passes for one window compete; only one can be stamped. */}
            {pass.state === "PENDING" ? <CompetingPasses passId={pass.id} /> : null}
            <StampActions passId={pass.id} state={pass.state} />
          </>
        ) : null}
      </PassDetail>
    </>
  );
}

export default withClientMessages(["gate"], GoodsPassPage);
