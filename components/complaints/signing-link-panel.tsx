"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionResult } from "@/lib/action";
import { newRequestId } from "@/lib/request-id";

type LinkAction = (input: unknown) => Promise<ActionResult<{ url: string; qrSvg: string; expiresAt: string }>>;

/**
 * R-CMP-4: the client who is not on site signs the revisit record on their own phone. 生成签字链接
 * makes a one-time link (a new one revokes the previous), shown as a QR code to scan and as a link
 * to copy into a chat. Other one-time links (a survey questionnaire, R-SUR) pass their own `input` and
 * translated `labels`.
 */
export function SigningLinkPanel(props: {
  complaintId?: string;
  round?: number;
  input?: Record<string, unknown>;
  labels?: Partial<Record<"create" | "recreate" | "title" | "hint", string>>;
  timeZone: string;
  action: LinkAction;
}) {
  const tLink = useTranslations("complaints.signingLink");
  const t = (key: "create" | "recreate" | "title" | "hint" | "qr" | "url" | "copy" | "copied", values?: Record<string, string>) => {
    const label = key in (props.labels ?? {}) ? props.labels?.[key as keyof typeof props.labels] : undefined;
    return label !== undefined ? label.replace("{expiresAt}", values?.expiresAt ?? "") : tLink(key, values);
  };
  const hydrated = useHydrated();
  const [busy, setBusy] = useState(false);
  const [link, setLink] = useState<{ url: string; qrSvg: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  // One id per link asked for: a replayed request answers with the same link; once answered, the next click asks for a new one.
  const [requestId, setRequestId] = useState(newRequestId);

  async function generate() {
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      const result = await props.action({ requestId, ...(props.input ?? { complaintId: props.complaintId, round: props.round }) });
      if (result.ok) {
        setLink(result.data);
        setRequestId(newRequestId());
      } else setError(result.message);
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin): the link stays selectable in its field.
    }
  }

  const expiresAt = link
    ? new Intl.DateTimeFormat("zh-CN", { timeZone: props.timeZone, dateStyle: "short", timeStyle: "short" }).format(
        new Date(link.expiresAt),
      )
    : "";

  return (
    <div className="flex flex-col gap-3">
      <div>
        <Button type="button" onClick={generate} disabled={!hydrated || busy}>
          {link ? t("recreate") : t("create")}
        </Button>
      </div>
      <p className="min-h-4 text-xs text-red-600" aria-live="polite">
        {error ?? ""}
      </p>
      {link ? (
        <div className="flex flex-col gap-2 rounded-md border border-slate-200 p-3" data-testid="signing-link">
          <p className="text-sm font-medium">{t("title")}</p>
          <div
            role="img"
            aria-label={t("qr")}
            className="h-48 w-48 bg-white"
            // An SVG the server drew with the qrcode package from our own URL: markup only, no script.
            dangerouslySetInnerHTML={{ __html: link.qrSvg }}
          />
          <label htmlFor="signing-link-url" className="text-sm text-slate-600">
            {t("url")}
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              id="signing-link-url"
              readOnly
              value={link.url}
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 font-mono text-xs"
            />
            <Button type="button" variant="secondary" onClick={copy}>
              {copied ? t("copied") : t("copy")}
            </Button>
          </div>
          <p className="text-xs text-slate-500">{t("hint", { expiresAt })}</p>
        </div>
      ) : null}
    </div>
  );
}
