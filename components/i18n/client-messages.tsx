import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { pickMessages, SHARED_CLIENT_NAMESPACES } from "@/lib/i18n/pick";

/**
 * The only message provider for client components: it sends the shared namespaces plus the ones a
 * route's client components use, never the whole catalogue (which would travel in every page's
 * payload). A route's layout names its namespaces; `lib/i18n/client-messages.test.ts` checks them
 * against the client components the route reaches.
 */
export async function ClientMessages({ namespaces = [], children }: { namespaces?: readonly string[]; children: ReactNode }) {
  const messages = await getMessages();
  return (
    <NextIntlClientProvider messages={pickMessages(messages, [...SHARED_CLIENT_NAMESPACES, ...namespaces])}>
      {children}
    </NextIntlClientProvider>
  );
}

/**
 * A page whose client components use messages beyond the shared ones: `export default
 * withClientMessages(["complaints", "files"], ComplaintPage)`. Each page names its own, so a list page
 * does not carry the namespaces of its module's forms (the test reads these calls).
 */
export function withClientMessages<P extends object>(namespaces: readonly string[], Page: (props: P) => ReactNode | Promise<ReactNode>) {
  function PageWithMessages(props: P) {
    return (
      <ClientMessages namespaces={namespaces}>
        <Page {...props} />
      </ClientMessages>
    );
  }
  return PageWithMessages;
}
