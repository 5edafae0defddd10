import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { ProvisionalCalendarBanner } from "@/components/calendar/provisional-banner";
import { getActor } from "@/lib/auth/actor";
import { CHANGE_PASSWORD_PATH } from "@/lib/auth/guard";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword) redirect(CHANGE_PASSWORD_PATH);
  return (
    <AppShell actor={actor} banner={<ProvisionalCalendarBanner actor={actor} />}>
      {children}
    </AppShell>
  );
}
