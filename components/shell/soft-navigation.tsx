"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/**
 * One listener for every app link (components/ui/link.tsx, `a[data-nav]`): a plain left click on a
 * link to a page of this origin navigates in place through the router, as next/link did, instead of
 * loading a new document. Anything else keeps the browser's behaviour: a modified or middle click (new
 * tab), a target or download attribute, another origin, a jump within the same page, a click another
 * handler already took, and every click before the page is interactive (decision 023).
 */
export function SoftNavigation() {
  const router = useRouter();
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = event.target instanceof Element ? event.target.closest("a[data-nav]") : null;
      if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute("download")) return;
      if (anchor.target && anchor.target !== "_self") return;
      const url = new URL(anchor.href);
      if (url.origin !== window.location.origin) return;
      if (url.hash && url.pathname === window.location.pathname && url.search === window.location.search) return;
      event.preventDefault();
      router.push(`${url.pathname}${url.search}${url.hash}`);
    };
    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, [router]);
  return null;
}
