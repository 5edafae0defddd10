import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The client's signing page (R-CMP-4) and a tenant's survey questionnaire (R-SUR): the pad, the forms and their texts. */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["signing", "files", "complaints", "surveys"]}>{children}</ClientMessages>;
}
