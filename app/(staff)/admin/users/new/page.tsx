import { getTranslations } from "next-intl/server";
import { UserForm } from "@/components/registry/user-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { createUserAction } from "@/lib/registry/user.actions";
import { allSites } from "@/lib/registry/user.queries";
import { withClientMessages } from "@/components/i18n/client-messages";

async function NewUserPage() {
  await requirePagePermission("user:manage");
  const [t, sites] = await Promise.all([getTranslations(), allSites()]);
  return (
    <>
      <PageHeader title={t("users.new")} />
      <UserForm
        mode="create"
        action={createUserAction}
        sites={sites.map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
        initial={{ username: "", password: "", name: "", email: "", role: "FRONT_DESK", duty: null, siteIds: [] }}
      />
    </>
  );
}

export default withClientMessages(["users", "roles", "common", "duties", "validation", "account"], NewUserPage);
