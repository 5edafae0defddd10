"use client";

import { useEffect } from "react";
import { forgetPages } from "@/lib/offline/caches";

/**
 * On the sign-in page: no page of the previous session stays on the phone, also when the session ended
 * without the sign-out button (expired, password changed elsewhere) or a page kept for offline use was
 * still being fetched when the user signed out.
 */
export function ForgetPages() {
  useEffect(() => {
    void forgetPages();
  }, []);
  return null;
}
