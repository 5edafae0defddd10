"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { markNotificationsReadAction } from "@/lib/notifications/actions";
import { runRemindersAction } from "@/lib/reminders/actions";

type Outcome = { error?: string; message?: string } | null;

/**
 * The notifications toolbar: 「全部标为已读」 (everyone: all unread notifications of the signed-in
 * user) and, for managers, 「立即运行提醒」 (runs the reminders of the manager's sites now and shows
 * the counts). One status line for both.
 */
export function NotificationToolbar({ hasUnread, canRun }: { hasUnread: boolean; canRun: boolean }) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const [pending, start] = useTransition();
  const [busy, setBusy] = useState<"mark" | "run" | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const markAll = () =>
    start(async () => {
      setBusy("mark");
      const result = await markNotificationsReadAction({});
      setOutcome(result.ok ? { message: t("markedRead", { count: result.data.count }) } : { error: result.message });
      setBusy(null);
      router.refresh();
    });

  const runNow = () =>
    start(async () => {
      setBusy("run");
      const result = await runRemindersAction({});
      setOutcome(result.ok ? { message: t("runResult", { ...result.data }) } : { error: result.message });
      setBusy(null);
      router.refresh();
    });

  return (
    <div className="mb-3 flex flex-wrap items-center gap-2">
      <Button type="button" variant="secondary" disabled={!hasUnread || pending} onClick={markAll} data-testid="mark-all-read">
        {busy === "mark" ? t("marking") : t("markAllRead")}
      </Button>
      {canRun ? (
        <Button type="button" disabled={pending} onClick={runNow} data-testid="run-reminders">
          {busy === "run" ? t("running") : t("runNow")}
        </Button>
      ) : null}
      <FormStatus error={outcome?.error} message={outcome?.message} />
    </div>
  );
}
