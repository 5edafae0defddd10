import { getTranslations } from "next-intl/server";
import { DepartmentForm } from "@/components/registry/department-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { createDepartmentAction } from "@/lib/registry/department.actions";
import { sitesOf } from "@/lib/registry/site.queries";
import { withClientMessages } from "@/components/i18n/client-messages";

async function NewDepartmentPage() {
  const actor = await requirePagePermission("department:manage");
  const [t, sites] = await Promise.all([getTranslations(), sitesOf(actor)]);
  return (
    <>
      <PageHeader title={t("departments.new")} />
      <DepartmentForm
        mode="create"
        action={createDepartmentAction}
        sites={sites.map((s) => ({ value: s.id, label: s.name }))}
        initial={{ siteId: sites.length === 1 ? sites[0].id : "", name: "", kind: "", contactName: "", contactPhone: "" }}
      />
    </>
  );
}

export default withClientMessages(["departments", "common", "fields", "departmentKind", "validation"], NewDepartmentPage);
