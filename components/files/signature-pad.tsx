"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import SignaturePadEngine, { type Options, type PointGroup } from "signature_pad";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { uploadOrKeep } from "@/lib/offline/upload";
import { newRequestId } from "@/lib/request-id";
import type { UploadGate } from "./upload-gate";

/** Ink of the pad and of the exported PNG: strokes thin out where the pen moves fast, like a real pen. */
const INK: Options = { penColor: "#0f172a", minWidth: 1, maxWidth: 3 };
const EXPORT_SCALE = 2; // exported PNG pixels per CSS pixel, the same on every device
const EXPORT_PADDING = 12;
const PAD_HEIGHT = 200; // CSS pixels: room for a Chinese name written by finger

/**
 * White PNG of the signature's bounding box (plus a margin), drawn again from the strokes' points by a
 * second, detached signature_pad: the same smoothing and widths as on screen, at a fixed scale.
 */
function exportSignature(strokes: PointGroup[]): Promise<Blob> {
  const points = strokes.flatMap((stroke) => stroke.points);
  const left = Math.min(...points.map((p) => p.x)) - EXPORT_PADDING;
  const top = Math.min(...points.map((p) => p.y)) - EXPORT_PADDING;
  const right = Math.max(...points.map((p) => p.x)) + EXPORT_PADDING;
  const bottom = Math.max(...points.map((p) => p.y)) + EXPORT_PADDING;
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil((right - left) * EXPORT_SCALE);
  canvas.height = Math.ceil((bottom - top) * EXPORT_SCALE);
  const painter = new SignaturePadEngine(canvas, INK);
  painter.off();
  const context = canvas.getContext("2d");
  if (!context) return Promise.reject(new Error("no 2d context"));
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.setTransform(EXPORT_SCALE, 0, 0, EXPORT_SCALE, -left * EXPORT_SCALE, -top * EXPORT_SCALE);
  painter.fromData(strokes, { clear: false });
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("toBlob failed"))), "image/png"),
  );
}

/** Where the PNG goes: the staff upload by default; the public signing page sends it with its token. */
export type SignatureUpload = (
  form: FormData,
) => Promise<{ ok: true; data: { id: string } } | { ok: false; message: string; fieldErrors?: Record<string, string> }>;

export interface SignaturePadProps {
  siteId: string;
  /** Default: a signed-in staff member's upload, kept on the phone while there is no signal (lib/offline/upload.ts). */
  upload?: SignatureUpload;
  label: string;
  /** The uploaded signature's StoredFile id, or null when cleared. */
  onChange: (fileId: string | null) => void;
  /** The form's error for this field (e.g. from the server). */
  error?: string;
  /** Base of the element ids (default "signature"). */
  id?: string;
  /** The form's upload gate: its save waits for a signature being uploaded. */
  uploads?: UploadGate;
}

/**
 * The client signs on the screen (finger, pen or mouse) on a signature_pad canvas; 撤销 takes back the
 * last stroke, 清除 all of them; 确认签名 uploads a PNG of the signature as a SIGNATURE file and hands its
 * id to the form. The canvas's backing store follows its size × devicePixelRatio, and the strokes are
 * redrawn from their points after a resize or a zoom, so they stay sharp and are not lost.
 */
export function SignaturePad({ siteId, upload = uploadOrKeep, label, onChange, error, id = "signature", uploads }: SignaturePadProps) {
  const t = useTranslations("files");
  const hydrated = useHydrated();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePadEngine | null>(null);
  const [strokeCount, setStrokeCount] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ fileId: string; url: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const pad = new SignaturePadEngine(canvas, INK);
    padRef.current = pad;
    const onEndStroke = () => {
      setStrokeCount(pad.toData().length);
      setMessage(null);
    };
    pad.addEventListener("endStroke", onEndStroke);

    let fitted = { width: 0, height: 0, ratio: 0 };
    const fit = () => {
      const ratio = window.devicePixelRatio || 1;
      const { width, height } = canvas.getBoundingClientRect();
      // Hidden (a saved signature is shown instead) or unchanged: keep the drawing as it is.
      if (width === 0 || height === 0) return;
      if (width === fitted.width && height === fitted.height && ratio === fitted.ratio) return;
      fitted = { width, height, ratio };
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.getContext("2d")?.scale(ratio, ratio);
      pad.redraw();
    };
    fit();
    const resizeObserver = new ResizeObserver(fit);
    resizeObserver.observe(canvas);
    // A zoom or a move to another screen changes the pixel ratio, not always the CSS size.
    let ratioQuery: MediaQueryList | null = null;
    const watchRatio = () => {
      ratioQuery?.removeEventListener("change", onRatioChange);
      ratioQuery = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
      ratioQuery.addEventListener("change", onRatioChange);
    };
    const onRatioChange = () => {
      fit();
      watchRatio();
    };
    watchRatio();
    return () => {
      resizeObserver.disconnect();
      ratioQuery?.removeEventListener("change", onRatioChange);
      pad.removeEventListener("endStroke", onEndStroke);
      pad.off();
      padRef.current = null;
    };
  }, []);

  // The preview of a saved signature is released when it is replaced, cleared or unmounted.
  useEffect(() => {
    if (!saved) return;
    return () => URL.revokeObjectURL(saved.url);
  }, [saved]);

  function undo() {
    const pad = padRef.current;
    if (!pad) return;
    const strokes = pad.toData().slice(0, -1);
    pad.fromData(strokes);
    setStrokeCount(strokes.length);
    setMessage(null);
  }

  function clear() {
    padRef.current?.clear();
    setStrokeCount(0);
    setMessage(null);
    if (saved) {
      setSaved(null);
      onChange(null);
    }
  }

  function confirm() {
    const upload = save();
    uploads?.track(upload);
  }

  async function save() {
    const pad = padRef.current;
    if (!pad || pad.toData().length === 0) {
      setMessage(t("errors.signatureEmpty", { label }));
      return;
    }
    setSaving(true);
    setMessage(null);
    pad.off(); // no strokes while the drawing is being uploaded
    try {
      const png = await exportSignature(pad.toData());
      const form = new FormData();
      form.set("requestId", newRequestId());
      form.set("siteId", siteId);
      form.set("kind", "SIGNATURE");
      form.set("file", new File([png], "signature.png", { type: "image/png" }));
      const result = await upload(form);
      if (!result.ok) {
        setMessage(result.fieldErrors?.file ?? result.message);
        return;
      }
      setSaved({ fileId: result.data.id, url: URL.createObjectURL(png) });
      onChange(result.data.id);
    } catch {
      setMessage(t("errors.uploadFailed"));
    } finally {
      pad.on();
      setSaving(false);
    }
  }

  const shownError = message ?? error;

  return (
    <div className="flex flex-col gap-2" role="group" aria-labelledby={`${id}-label`}>
      <span id={`${id}-label`} className="text-sm font-medium text-slate-700">
        {label}
      </span>
      {saved ? (
        // eslint-disable-next-line @next/next/no-img-element -- an object URL of the PNG just uploaded
        <img
          src={saved.url}
          alt={t("signature.image", { label })}
          data-testid={`${id}-image`}
          data-file-id={saved.fileId}
          className="max-h-48 w-full rounded-md border border-slate-300 bg-white object-contain"
        />
      ) : null}
      <canvas
        ref={canvasRef}
        hidden={!!saved}
        role="img"
        aria-label={t("signature.pad", { label })}
        aria-describedby={`${id}-error`}
        data-testid={`${id}-canvas`}
        // Sized by CSS only: were it sized by its backing store (set by fit()), each would grow the other.
        style={{ width: "100%", height: PAD_HEIGHT, touchAction: "none" }}
        className={`cursor-crosshair rounded-md border bg-white select-none ${shownError ? "border-red-500" : "border-slate-300"}`}
      >
        {t("signature.placeholder")}
      </canvas>
      <div className="flex flex-wrap gap-2">
        {saved ? (
          <Button type="button" variant="secondary" onClick={clear} disabled={!hydrated}>
            {t("signature.redo")}
          </Button>
        ) : (
          <>
            <Button type="button" variant="secondary" onClick={undo} disabled={!hydrated || saving || strokeCount === 0}>
              {t("signature.undo")}
            </Button>
            <Button type="button" variant="secondary" onClick={clear} disabled={!hydrated || saving}>
              {t("signature.clear")}
            </Button>
            <Button type="button" onClick={confirm} disabled={!hydrated || saving} aria-describedby={`${id}-error`}>
              {saving ? t("signature.saving") : t("signature.confirm")}
            </Button>
          </>
        )}
      </div>
      <p id={`${id}-error`} className="min-h-4 text-xs text-red-600" aria-live="polite">
        {shownError ?? ""}
      </p>
      <p className="sr-only" aria-live="polite">
        {saved ? t("signature.saved") : ""}
      </p>
    </div>
  );
}
