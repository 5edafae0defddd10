import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { OrderForm } from "@/components/special-services/order-form";
import { requirePagePermission } from "@/lib/auth/guard";
import { orderFormOptions } from "@/lib/special-services/queries";
import { withClientMessages } from "@/components/i18n/client-messages";

/** R-SVC-1: a special service ordered by a tenant. */
async function NewServiceOrderPage() {
  await requirePagePermission("service:order");
  const [t, options] = await Promise.all([getTranslations("specialServices"), orderFormOptions()]);
  return (
    <>
      <PageHeader title={t("newOrder")} />
      <OrderForm sites={options.sites} />
    </>
  );
}

export default withClientMessages(["specialServices", "common", "complaints", "validation"], NewServiceOrderPage);
