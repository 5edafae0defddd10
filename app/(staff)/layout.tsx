import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { ProvisionalCalendarBanner } from "@/components/calendar/provisional-banner";
import { getActor } from "@/lib/auth/actor";

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return (
    <AppShell actor={actor} banner={<ProvisionalCalendarBanner actor={actor} />}>
      {children}
    </AppShell>
  );
}
