"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False during server render and before hydration. Forms keep their submit button disabled until then:
 * on a slow phone a tap before hydration would otherwise submit the form natively (a GET that drops
 * the input, or puts it in the URL).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
