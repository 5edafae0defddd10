"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/form-controls";
import { FormStatus } from "@/components/ui/form-status";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/action";
import { ResetPasswordSchema } from "@/lib/registry/user.schema";

export function ResetPasswordForm(props: { userId: string; action: (input: unknown) => Promise<ActionResult<{ id: string }>> }) {
  const t = useTranslations("users");
  const router = useRouter();
  const { form, onSubmit, formError, formMessage, errorOf, busy } = useActionForm({
    schema: ResetPasswordSchema,
    action: props.action,
    defaultValues: { id: props.userId, password: "" },
    onSuccess: () => {
      form.reset({ id: props.userId, password: "" });
      // The user's page shows that a new password must be chosen.
      router.refresh();
    },
  });
  return (
    <form onSubmit={onSubmit} className="flex max-w-md flex-col gap-2" noValidate>
      <TextField
        register={form.register}
        name="password"
        label={t("newPassword")}
        type="password"
        autoComplete="new-password"
        required
        error={errorOf("password")}
        hint={t("passwordHint")}
      />
      <FormStatus error={formError} message={formMessage} />
      <div>
        <Button type="submit" variant="secondary" disabled={busy}>
          {t("resetPassword")}
        </Button>
      </div>
    </form>
  );
}
