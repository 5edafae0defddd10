"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import type { ActionResult } from "@/lib/action";
import { localFileIds, OUTBOX_CHANGED, type OfflineItem, type OfflineKind } from "@/lib/offline/items";

/** The store (IndexedDB) and the sender load after the page, on first use: not in every page's first load. */
const store = () => import("@/lib/offline/store");
const listItems = async () => (await store()).listItems();

/** How often waiting items are tried again while the phone believes it is online. */
const RETRY_MS = 30_000;

interface Outbox {
  items: OfflineItem[];
  online: boolean;
  sending: boolean;
  send: () => Promise<void>;
  /**
   * The one way the field forms save: straight to the server when there is a connection; otherwise (or
   * when the call gets no answer, or the record holds a photo kept on the phone) into the outbox, answered
   * as saved "on the phone". The input keeps its request id, so a record the server did get is not doubled.
   */
  submitOrKeep: <R>(
    kind: OfflineKind,
    label: string,
    action: (input: unknown) => Promise<ActionResult<R>>,
    input: Record<string, unknown>,
  ) => Promise<ActionResult<R | { queued: true }>>;
}

const OutboxContext = createContext<Outbox | null>(null);

/** navigator.onLine as React state (true while rendering on the server). */
function subscribeOnline(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}
const useOnline = () =>
  useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );

/** The outbox where there is one (the staff shell); null on pages outside it (the password change). */
export function useOptionalOutbox(): Outbox | null {
  return useContext(OutboxContext);
}

export function useOutbox(): Outbox {
  const outbox = useContext(OutboxContext);
  if (!outbox) throw new Error("useOutbox outside OutboxProvider");
  return outbox;
}

/** The signed-in user's outbox, sent by itself when the connection returns (lib/offline/send.ts). */
export function OutboxProvider({ userId, children }: { userId: string; children: ReactNode }) {
  const t = useTranslations("offline");
  const [items, setItems] = useState<OfflineItem[]>([]);
  const online = useOnline();
  const [sending, setSending] = useState(false);
  const fileMissing = t("errors.fileMissing");

  const reload = useCallback(async () => {
    const all = await listItems();
    setItems(all.filter((item) => item.userId === userId));
  }, [userId]);

  const router = useRouter();
  const send = useCallback(async () => {
    if (!navigator.onLine) return;
    const waiting = (all: OfflineItem[]) => all.filter((item) => item.userId === userId && !item.refusal).length;
    const before = waiting(await listItems());
    if (before === 0) return; // nothing to do: no render, no request
    setSending(true);
    try {
      await (await import("@/lib/offline/send")).sendOutbox(userId, fileMissing);
      // Something reached the server: the page shows it (a window done, a paper delivered).
      if (waiting(await listItems()) < before) router.refresh();
    } finally {
      setSending(false);
      await reload();
    }
  }, [userId, fileMissing, reload, router]);

  useEffect(() => {
    const first = setTimeout(() => void reload().then(send), 0);
    const onOnline = () => void send();
    const onChanged = () => void reload();
    window.addEventListener("online", onOnline);
    window.addEventListener(OUTBOX_CHANGED, onChanged);
    const retry = setInterval(() => void send(), RETRY_MS);
    return () => {
      clearTimeout(first);
      window.removeEventListener("online", onOnline);
      window.removeEventListener(OUTBOX_CHANGED, onChanged);
      clearInterval(retry);
    };
  }, [reload, send]);

  const queued = t("queued");
  const submitOrKeep = useCallback<Outbox["submitOrKeep"]>(
    async (kind, label, action, input) => {
      if (navigator.onLine && localFileIds(input).length === 0) {
        try {
          return await action(input);
        } catch {
          // No answer (the signal dropped on the way): kept and sent again with the same request id.
        }
      }
      await (await store()).addItem({ kind, userId, label, input, madeAt: new Date().toISOString() });
      void send();
      return { ok: true, data: { queued: true }, message: queued };
    },
    [userId, send, queued],
  );

  const value = useMemo(() => ({ items, online, sending, send, submitOrKeep }), [items, online, sending, send, submitOrKeep]);
  return <OutboxContext.Provider value={value}>{children}</OutboxContext.Provider>;
}
