"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { useOutbox } from "./outbox";

const timeOf = (iso: string) => new Date(iso).toLocaleTimeString("zh-CN", { hour: "2-digit", minute: "2-digit" });

/**
 * Under the header on every staff page: "待发送 N 项" while records wait on the phone, "no connection"
 * while offline, and the list of waiting and refused records (a refusal shows the server's message and
 * stays until the user discards it).
 */
export function OutboxBar() {
  const t = useTranslations("offline");
  const { items, online, sending, send } = useOutbox();
  const waiting = items.filter((item) => !item.refusal);
  const refused = items.filter((item) => item.refusal);
  if (online && items.length === 0) return null;
  return (
    <section
      aria-label={t("queueTitle")}
      className="no-print border-b border-amber-200 bg-amber-50 text-sm text-amber-950"
      data-testid="outbox"
    >
      <details className="mx-auto max-w-6xl px-3 py-2" open={refused.length > 0 || undefined}>
        <summary className="flex min-h-11 cursor-pointer items-center gap-2">
          {!online ? <span className="font-medium">{t("offlineNow")} ·</span> : null}
          <span data-testid="outbox-waiting" aria-live="polite">
            {t("waiting", { count: waiting.length })}
          </span>
          {refused.length > 0 ? (
            <span className="text-red-700" data-testid="outbox-refused">
              · {t("refused")} {refused.length}
            </span>
          ) : null}
        </summary>
        <p className="text-xs text-amber-900">{t("queueHint")}</p>
        <ul className="mt-2 flex flex-col gap-2">
          {items.map((item) => (
            <li
              key={item.seq}
              className="rounded-md border border-amber-200 bg-white p-2"
              data-testid="outbox-item"
              data-state={item.refusal ? "refused" : "waiting"}
            >
              <p className="font-medium">
                {t(`kinds.${item.kind}`)} · {item.label}
              </p>
              <p className="text-xs text-slate-600">{t("madeAt", { at: timeOf(item.madeAt) })}</p>
              {item.refusal ? (
                <div className="mt-1 flex flex-wrap items-center justify-between gap-2">
                  <p className="text-red-700" role="status">
                    {t("refused")}：{item.refusal}
                  </p>
                  <Button
                    type="button"
                    variant="secondary"
                    className="min-h-11 px-3 py-1 text-sm"
                    onClick={() => {
                      if (window.confirm(t("discardConfirm")))
                        void import("@/lib/offline/store").then((store) => store.removeItem(item.seq!));
                    }}
                  >
                    {t("discard")}
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
        {online && waiting.length > 0 ? (
          <Button type="button" className="mt-2" disabled={sending} onClick={() => void send()}>
            {sending ? t("sending") : t("sendNow")}
          </Button>
        ) : null}
      </details>
    </section>
  );
}
