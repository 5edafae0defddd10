"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter, useSearchParams } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { Field, controlProps, inputClass } from "@/components/ui/field";
import { safeCallbackPath } from "@/lib/auth/callback-url";

export function LoginForm() {
  const t = useTranslations("login");
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    const username = String(data.get("username") ?? "").trim();
    const password = String(data.get("password") ?? "");
    if (!username || !password) {
      setError(t("errors.missing"));
      return;
    }
    setPending(true);
    setError(null);
    const res = await signIn("credentials", { username, password, redirect: false });
    setPending(false);
    if (!res || res.error) {
      // "throttled:<seconds>" (lib/auth/options.ts): say how long to wait.
      const throttled = /^throttled:(\d+)$/.exec(res?.error ?? "");
      setError(throttled ? t("errors.throttled", { seconds: Number(throttled[1]) }) : t("errors.invalid"));
      return;
    }
    router.replace(safeCallbackPath(params.get("callbackUrl")));
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <Field id="username" label={t("username")} required>
        <input
          {...controlProps("username")}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          className={inputClass}
          maxLength={50}
        />
      </Field>
      <Field id="password" label={t("password")} required>
        <input
          {...controlProps("password")}
          name="password"
          type="password"
          autoComplete="current-password"
          className={inputClass}
          maxLength={200}
        />
      </Field>
      <p role="status" aria-live="polite" data-testid="login-error" className="min-h-5 text-sm text-red-600">
        {error ?? ""}
      </p>
      <Button type="submit" disabled={pending || !hydrated}>
        {pending ? t("signingIn") : t("submit")}
      </Button>
    </form>
  );
}
