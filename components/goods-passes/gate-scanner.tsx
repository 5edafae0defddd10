"use client";

import Form from "next/form";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useSyncExternalStore, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { PassView } from "@/lib/goods-passes/gate.queries";
import { releaseGoodsPassAction } from "@/lib/goods-passes/actions";

/** The part of the Barcode Detection API used here (Chromium on Android has it; not in lib.dom yet). */
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type BarcodeDetectorCtor = new (options: { formats: string[] }) => BarcodeDetectorLike;

const noSubscribe = () => () => {};
function useCanScan(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => "BarcodeDetector" in window && !!navigator.mediaDevices?.getUserMedia,
    () => false,
  );
}

/**
 * The gate on a phone (R-GP-7): scan the QR code of the pass with the camera where the browser can,
 * or type the number (always works, even before the page is interactive: a plain GET form). The pass
 * is shown big; a green 放行 when the gate check passes, a red panel with the reason otherwise.
 */
export function GateScanner({ query, pass }: { query: string; pass: PassView | null }) {
  const t = useTranslations("gate");
  const router = useRouter();
  const canScan = useCanScan();
  const [scanning, setScanning] = useState(false);
  const [cameraError, setCameraError] = useState(false);
  const [emptyLookup, setEmptyLookup] = useState(false);
  const videoRef = useRef<HTMLVideoElement>(null);

  useEffect(() => {
    if (!scanning) return;
    let cancelled = false;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    const stop = () => {
      cancelled = true;
      window.clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
        const video = videoRef.current;
        if (cancelled || !video) return stop();
        video.srcObject = stream;
        await video.play();
        const Detector = (window as unknown as { BarcodeDetector: BarcodeDetectorCtor }).BarcodeDetector;
        const detector = new Detector({ formats: ["qr_code"] });
        const tick = async () => {
          if (cancelled) return;
          const value = (await detector.detect(video).catch(() => []))[0]?.rawValue?.trim();
          if (value) {
            stop();
            setScanning(false);
            router.push(`/gate?q=${encodeURIComponent(value)}`);
          } else timer = window.setTimeout(tick, 250);
        };
        void tick();
      } catch {
        stop();
        setCameraError(true);
        setScanning(false);
      }
    })();
    return stop;
  }, [scanning, router]);

  return (
    <div className="flex flex-col gap-4">
      <section className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
        {canScan ? (
          <Button
            type="button"
            variant={scanning ? "secondary" : "primary"}
            className="min-h-14 text-lg"
            onClick={() => setScanning((s) => !s)}
          >
            {scanning ? t("stopScan") : t("scan")}
          </Button>
        ) : null}
        {scanning ? (
          <div className="flex flex-col gap-1">
            <video ref={videoRef} muted playsInline className="aspect-square w-full rounded-md bg-black object-cover" />
            <p className="text-sm text-slate-600">{t("scanning")}</p>
          </div>
        ) : null}
        {cameraError ? <p className="text-sm text-amber-800">{t("cameraDenied")}</p> : null}
        <Form
          action="/gate"
          className="flex flex-col gap-1"
          noValidate
          onSubmit={(e) => {
            // An empty lookup asks for a number instead of doing nothing.
            const q = new FormData(e.currentTarget).get("q");
            if (typeof q === "string" && q.trim() !== "") return setEmptyLookup(false);
            e.preventDefault();
            setEmptyLookup(true);
            document.getElementById("gate-q")?.focus();
          }}
        >
          <label htmlFor="gate-q" className="text-sm font-medium text-slate-700">
            {t("numberLabel")}
          </label>
          <div className="flex gap-2">
            <input
              id="gate-q"
              name="q"
              defaultValue={query}
              key={query}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              aria-describedby="gate-q-error gate-q-hint"
              aria-invalid={emptyLookup ? true : undefined}
              onInput={() => setEmptyLookup(false)}
              className={`${inputClass} text-lg`}
            />
            <Button type="submit" className="min-h-12 shrink-0">
              {t("find")}
            </Button>
          </div>
          <p id="gate-q-error" className="min-h-4 text-sm text-red-600" aria-live="polite">
            {emptyLookup ? t("enterNumber") : ""}
          </p>
          <p id="gate-q-hint" className="text-xs text-slate-500">
            {canScan ? t("numberHint") : `${t("noCamera")} ${t("numberHint")}`}
          </p>
        </Form>
      </section>
      {query && !pass ? (
        <p role="alert" className="rounded-lg bg-red-50 p-4 text-lg text-red-800" data-testid="gate-not-found">
          {t("notFound", { q: query })}
        </p>
      ) : null}
      {pass ? <GatePass pass={pass} /> : null}
    </div>
  );
}

/** One pass at the gate: the verdict first, then what the guard compares with the goods. */
function GatePass({ pass }: { pass: PassView }) {
  const t = useTranslations("gate");
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  // Released by this guard just now (confirmation) vs. a pass shown again later (refused: used once, R-GP-7).
  const [justReleased, setJustReleased] = useState(false);

  const release = () =>
    start(async () => {
      const result = await releaseGoodsPassAction({ passId: pass.id });
      setError(result.ok ? null : result.message);
      setJustReleased(result.ok);
      router.refresh();
    });

  const row = (label: string, value: React.ReactNode) => (
    <div className="flex flex-col py-2 sm:flex-row sm:gap-4">
      <dt className="text-sm text-slate-500 sm:w-28">{label}</dt>
      <dd className="text-lg text-slate-900">{value}</dd>
    </div>
  );

  const ok = pass.check === "ok" && !error;
  return (
    <article className="flex flex-col gap-4" data-testid="gate-pass" aria-labelledby="gate-pass-number">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="gate-pass-number" className="text-2xl font-bold tracking-wide">
          {pass.number ?? "—"}
        </h2>
        <span className="text-lg">
          {t(`directions.${pass.direction}`)} · {t(`states.${pass.state}`)}
        </span>
      </header>

      {pass.released && justReleased ? (
        <div role="status" className="rounded-lg bg-slate-800 p-4 text-white" data-testid="gate-released">
          <p className="text-2xl font-bold">{t("released")}</p>
          <p className="text-lg">{t("releasedBy", { by: pass.released.by ?? "—", at: pass.released.at })}</p>
        </div>
      ) : ok ? (
        <div className="flex flex-col gap-3 rounded-lg bg-emerald-50 p-4 ring-2 ring-emerald-600">
          <p className="text-xl font-semibold text-emerald-900">{t("okTitle")}</p>
          <button
            type="button"
            disabled={!hydrated || pending}
            aria-busy={pending}
            onClick={release}
            className="min-h-16 rounded-lg bg-emerald-600 text-2xl font-bold text-white hover:bg-emerald-700 disabled:bg-slate-400"
            data-testid="gate-release"
          >
            {pending ? t("releasing") : t("release")}
          </button>
        </div>
      ) : (
        <div role="alert" className="rounded-lg bg-red-600 p-4 text-white" data-testid="gate-refused">
          <p className="text-lg">{t("refusedTitle")}</p>
          <p className="text-2xl font-bold">{error ?? (pass.check === "ok" ? "" : t(`refusals.${pass.check}`))}</p>
          {pass.rejectedReason ? <p className="mt-1">{`${t("rejectedReason")}：${pass.rejectedReason}`}</p> : null}
          {pass.released ? <p className="mt-1">{t("releasedBy", { by: pass.released.by ?? "—", at: pass.released.at })}</p> : null}
        </div>
      )}

      <dl className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white px-4">
        {row(t("window"), t("windowValue", { start: pass.window.start, end: pass.window.end }))}
        {row(t("tenant"), pass.tenant)}
        {row(t("unit"), pass.unit)}
        {row(t("carrier"), t("carrierValue", { name: pass.carrier.name, last4: pass.carrier.idLast4 }))}
        {row(t("route"), pass.route)}
        {pass.approved ? row(t("approved"), t("approvedValue", { by: pass.approved.by ?? "—", at: pass.approved.at })) : null}
      </dl>

      <section aria-labelledby="gate-items" className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 id="gate-items" className="mb-2 font-medium">
          {t("items")}
        </h3>
        <table className="w-full text-left text-lg">
          <thead className="text-sm text-slate-500">
            <tr>
              <th className="w-12 py-1 font-normal">{t("itemNo")}</th>
              <th className="py-1 font-normal">{t("itemName")}</th>
              <th className="py-1 text-right font-normal">{t("itemQuantity")}</th>
              <th className="w-16 py-1 pl-2 font-normal">{t("itemUnit")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {pass.items.map((item) => (
              <tr key={item.position}>
                <td className="py-2">{item.position}</td>
                <td className="py-2">{item.name}</td>
                <td className="py-2 text-right font-semibold tabular-nums">{item.quantity}</td>
                <td className="py-2 pl-2">{item.unit}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}
