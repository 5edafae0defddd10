import { getTranslations } from "next-intl/server";
import { IntakeForm } from "@/components/complaints/intake-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { createComplaintAction } from "@/lib/complaints/actions";
import { intakeOptions } from "@/lib/complaints/queries";
import { withClientMessages } from "@/components/i18n/client-messages";

async function NewComplaintPage() {
  await requirePagePermission("complaint:create");
  const [t, options] = await Promise.all([getTranslations(), intakeOptions()]);
  return (
    <>
      <PageHeader title={t("complaints.new")} subtitle={t("complaints.newHint")} />
      <IntakeForm
        action={createComplaintAction}
        sites={options.sites}
        departments={options.departments}
        mayBackdate={options.mayBackdate}
      />
    </>
  );
}

export default withClientMessages(["complaints", "common", "fields", "files", "validation"], NewComplaintPage);
