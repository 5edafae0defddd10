import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { ResetPasswordForm } from "@/components/registry/reset-password-form";
import { UserForm } from "@/components/registry/user-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/guard";
import { resetUserPasswordAction, updateUserAction } from "@/lib/registry/user.actions";
import { allSites, getUser } from "@/lib/registry/user.queries";
import { withClientMessages } from "@/components/i18n/client-messages";

async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePagePermission("user:manage");
  const { id } = await params;
  const [user, sites, t] = await Promise.all([getUser(id), allSites(), getTranslations()]);
  if (!user) notFound();
  return (
    <>
      <PageHeader title={`${t("users.edit")} ${user.username}`} />
      <UserForm
        mode="update"
        action={updateUserAction}
        sites={sites.map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }))}
        initial={{
          id: user.id,
          version: user.version,
          name: user.name,
          email: user.email ?? "",
          role: user.role,
          duty: user.duty,
          siteIds: user.siteIds,
          disabled: user.disabled,
        }}
      />
      <h2 className="mt-8 mb-2 text-lg font-medium">{t("users.resetPassword")}</h2>
      <ResetPasswordForm userId={user.id} action={resetUserPasswordAction} />
    </>
  );
}

export default withClientMessages(["users", "validation", "account", "roles", "common", "duties"], EditUserPage);
