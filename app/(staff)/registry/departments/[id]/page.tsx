import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { DepartmentForm } from "@/components/registry/department-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { updateDepartmentAction } from "@/lib/registry/department.actions";
import { getDepartment } from "@/lib/registry/department.queries";
import { withClientMessages } from "@/components/i18n/client-messages";

async function EditDepartmentPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("department:manage");
  const { id } = await params;
  const department = await getDepartment(id);
  if (!department) notFound();
  const t = await getTranslations();
  return (
    <>
      <PageHeader title={`${t("departments.edit")} ${department.name}`} />
      <DepartmentForm
        mode="update"
        action={updateDepartmentAction}
        sites={[]}
        initial={{
          id: department.id,
          version: department.version,
          name: department.name,
          kind: department.kind,
          contactName: department.contactName ?? "",
          contactPhone: department.contactPhone ?? "",
        }}
      />
    </>
  );
}

export default withClientMessages(["departments", "common", "fields", "departmentKind", "validation"], EditDepartmentPage);
