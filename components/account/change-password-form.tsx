"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import { ChangeOwnPasswordSchema } from "@/lib/account/schema";
import type { ActionResult } from "@/lib/action";

const EMPTY = { currentPassword: "", newPassword: "", confirmPassword: "" };

/** After a change every session of the account has ended: sign out here and sign in with the new password. */
export function ChangePasswordForm(props: { action: (input: unknown) => Promise<ActionResult<{ id: string }>> }) {
  const t = useTranslations("account");
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: ChangeOwnPasswordSchema,
    action: props.action,
    defaultValues: EMPTY,
    onSuccess: () => {
      form.reset(EMPTY);
      // next-auth's client loads only when it is needed (see components/shell/sign-out-button.tsx).
      void import("next-auth/react").then(({ signOut }) => signOut({ callbackUrl: "/login" }));
    },
  });
  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <TextField
        register={form.register}
        name="currentPassword"
        label={t("currentPassword")}
        type="password"
        autoComplete="current-password"
        required
        error={errorOf("currentPassword")}
      />
      <TextField
        register={form.register}
        name="newPassword"
        label={t("newPassword")}
        type="password"
        autoComplete="new-password"
        required
        error={errorOf("newPassword")}
        hint={t("rules")}
      />
      <TextField
        register={form.register}
        name="confirmPassword"
        label={t("confirmPassword")}
        type="password"
        autoComplete="new-password"
        required
        error={errorOf("confirmPassword")}
      />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <Button type="submit" disabled={busy}>
          {t("submit")}
        </Button>
      </div>
    </form>
  );
}
