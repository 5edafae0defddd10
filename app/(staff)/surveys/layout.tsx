import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

/** Surveys (§3.2): their own texts, the revisit record's (R-SUR-3 = R-CMP-4) and the signature pad's. */
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages namespaces={["surveys", "complaints", "files"]}>{children}</ClientMessages>;
}
