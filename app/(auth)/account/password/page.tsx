import Link from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { changeOwnPasswordAction } from "@/lib/account/actions";
import { getActor } from "@/lib/auth/actor";
import { withClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

/**
 * Every signed-in user may change their password here. Outside the staff layout on purpose: a user
 * whose password was set by an administrator is sent here by every page until they pick their own.
 */
async function ChangePasswordPage() {
  const actor = await getActor();
  if (!actor) redirect("/login");
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl bg-white p-6 shadow">
        <div className="mb-4 flex items-start justify-between">
          <div>
            <h1 className="text-2xl font-semibold">{t("account.title")}</h1>
            <p className="text-sm text-slate-500" data-testid="current-user">
              {actor.name} · {actor.username}
            </p>
          </div>
          <LocaleSwitch />
        </div>
        {actor.mustChangePassword ? (
          <p role="status" className="mb-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900">
            {t("account.required")}
          </p>
        ) : null}
        <ChangePasswordForm action={changeOwnPasswordAction} />
        <div className="mt-4 flex items-center justify-between text-sm">
          {actor.mustChangePassword ? <span /> : <Link href="/">{t("account.back")}</Link>}
          <SignOutButton />
        </div>
      </div>
    </main>
  );
}

export default withClientMessages(["account", "validation"], ChangePasswordPage);
