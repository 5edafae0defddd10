import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { LoginForm } from "@/components/auth/login-form";
import { ForgetPages } from "@/components/offline/forget-pages";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { getActor } from "@/lib/auth/actor";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage() {
  if (await getActor()) redirect("/");
  const t = await getTranslations();
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-xl bg-white p-6 shadow">
        <div className="mb-4 flex items-start justify-between">
          <div>
            <h1 className="text-2xl font-semibold">{t("app.name")}</h1>
            <p className="text-sm text-slate-500">{t("app.tagline")}</p>
          </div>
          <LocaleSwitch />
        </div>
        <h2 className="mb-3 text-lg font-medium">{t("login.title")}</h2>
        <Suspense>
          <LoginForm />
        </Suspense>
        <ForgetPages />
      </div>
    </main>
  );
}
