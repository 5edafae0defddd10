import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The app's link: next/link without the automatic prefetch. Kewu's pages are dynamic and have no
 * loading boundary, so a prefetch brings back only the route's structure, not its content, while the
 * server still runs the layouts for it (~10 ms of CPU each): a phone showing a list of twenty records
 * sent twenty such requests. The click fetches the page as before. `prefetch` can still be set.
 */
export default function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
