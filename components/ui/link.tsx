import type { ComponentProps } from "react";

/**
 * The app's link: a plain anchor marked `data-nav`, rendered on the server with no client component
 * behind it. components/shell/soft-navigation.tsx turns a plain click on it into an in-app navigation
 * (the router fetches the page's payload, the shell stays), so a link costs the server what an `<a>`
 * costs: next/link made every link a client component to serialise and render, ~0.3 ms of CPU each
 * on these machines, and a fifty-site table holds hundreds (decision 023). No prefetch (decision 021).
 * Only for pages of the app: files, exports and print views take a plain `<a>`.
 */
export default function Link({ href, ...props }: Omit<ComponentProps<"a">, "href"> & { href: string }) {
  return <a data-nav="" href={href} {...props} />;
}
