import { getTranslations } from "next-intl/server";
import { PassForm } from "@/components/goods-passes/pass-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { createGoodsPassAction } from "@/lib/goods-passes/actions";
import { passFormOptions } from "@/lib/goods-passes/queries";
import { withClientMessages } from "@/components/i18n/client-messages";

async function NewGoodsPassPage() {
  await requirePagePermission("goodspass:create");
  const [t, options] = await Promise.all([getTranslations("goodsPasses"), passFormOptions()]);
  return (
    <>
      <PageHeader title={t("new")} subtitle={t("newHint")} />
      <PassForm action={createGoodsPassAction} sites={options.sites} routes={options.routes} hazardTerms={options.hazardTerms} />
    </>
  );
}

export default withClientMessages(["goodsPasses", "common", "fields", "complaints", "validation", "files"], NewGoodsPassPage);
