import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";
import { getActor } from "@/lib/auth/actor";

/** Printable forms: no app shell, A4 pages that look like the paper forms they replace. */
export default async function PrintLayout({ children }: { children: ReactNode }) {
  if (!(await getActor())) redirect("/login");
  return (
    <ClientMessages namespaces={["print"]}>
      <div className="min-h-screen bg-slate-200 py-6 print:bg-white print:py-0">{children}</div>
    </ClientMessages>
  );
}
