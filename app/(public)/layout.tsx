import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** The client's signing page (R-CMP-4): the signature pad and the revisit's own texts. */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["signing", "files", "complaints"]}>{children}</ClientMessages>;
}
