"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type PointerEvent } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { uploadFileAction } from "@/lib/files/actions";

type Point = { x: number; y: number };
type Stroke = Point[];

const INK = "#0f172a";
const LINE_WIDTH = 2.5; // CSS pixels
const EXPORT_SCALE = 2; // exported PNG pixels per CSS pixel, the same on every device
const EXPORT_PADDING = 12;
const PAD_HEIGHT = 200; // CSS pixels: room for a Chinese name written by finger

const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

function inkStyle(context: CanvasRenderingContext2D) {
  context.strokeStyle = INK;
  context.fillStyle = INK;
  context.lineWidth = LINE_WIDTH;
  context.lineCap = "round";
  context.lineJoin = "round";
}

/** A whole stroke, smoothed: quadratic curves through the midpoints of successive points. */
function drawStroke(context: CanvasRenderingContext2D, stroke: Stroke) {
  if (stroke.length === 1) {
    context.beginPath();
    context.arc(stroke[0].x, stroke[0].y, LINE_WIDTH / 2, 0, Math.PI * 2);
    context.fill();
    return;
  }
  context.beginPath();
  context.moveTo(stroke[0].x, stroke[0].y);
  context.lineTo(...xy(mid(stroke[0], stroke[1])));
  for (let i = 1; i < stroke.length - 1; i++) context.quadraticCurveTo(stroke[i].x, stroke[i].y, ...xy(mid(stroke[i], stroke[i + 1])));
  context.lineTo(...xy(stroke[stroke.length - 1]));
  context.stroke();
}

/** The piece a new last point adds to a stroke being drawn (the same curve drawStroke draws). */
function drawLastPiece(context: CanvasRenderingContext2D, stroke: Stroke) {
  const n = stroke.length;
  if (n < 2) return;
  context.beginPath();
  if (n === 2) {
    context.moveTo(stroke[0].x, stroke[0].y);
    context.lineTo(...xy(mid(stroke[0], stroke[1])));
  } else {
    context.moveTo(...xy(mid(stroke[n - 3], stroke[n - 2])));
    context.quadraticCurveTo(stroke[n - 2].x, stroke[n - 2].y, ...xy(mid(stroke[n - 2], stroke[n - 1])));
  }
  context.stroke();
}

const xy = (p: Point): [number, number] => [p.x, p.y];

/** White PNG of the signature's bounding box (plus a margin), drawn again from the strokes. */
function exportSignature(strokes: Stroke[]): Promise<Blob> {
  const points = strokes.flat();
  const left = Math.min(...points.map((p) => p.x)) - EXPORT_PADDING;
  const top = Math.min(...points.map((p) => p.y)) - EXPORT_PADDING;
  const right = Math.max(...points.map((p) => p.x)) + EXPORT_PADDING;
  const bottom = Math.max(...points.map((p) => p.y)) + EXPORT_PADDING;
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil((right - left) * EXPORT_SCALE);
  canvas.height = Math.ceil((bottom - top) * EXPORT_SCALE);
  const context = canvas.getContext("2d");
  if (!context) return Promise.reject(new Error("no 2d context"));
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.setTransform(EXPORT_SCALE, 0, 0, EXPORT_SCALE, -left * EXPORT_SCALE, -top * EXPORT_SCALE);
  inkStyle(context);
  strokes.forEach((stroke) => drawStroke(context, stroke));
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("toBlob failed"))), "image/png"),
  );
}

export interface SignaturePadProps {
  siteId: string;
  label: string;
  /** The uploaded signature's StoredFile id, or null when cleared. */
  onChange: (fileId: string | null) => void;
  /** The form's error for this field (e.g. from the server). */
  error?: string;
  /** Base of the element ids (default "signature"). */
  id?: string;
}

/**
 * The client signs on the screen (finger, pen or mouse); 确认签名 uploads a PNG of the signature as a
 * SIGNATURE file and hands its id to the form. Strokes are kept as points, so a resized or rotated
 * screen redraws them sharply at the device's pixel ratio.
 */
export function SignaturePad({ siteId, label, onChange, error, id = "signature" }: SignaturePadProps) {
  const t = useTranslations("files");
  const hydrated = useHydrated();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Stroke[]>([]);
  const activePointer = useRef<number | null>(null);
  const [signed, setSigned] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<{ fileId: string; url: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const context = () => canvasRef.current?.getContext("2d") ?? null;

  // Match the backing store to the displayed size × devicePixelRatio, and redraw, whenever the size changes.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const fit = () => {
      const ratio = window.devicePixelRatio || 1;
      const { width, height } = canvas.getBoundingClientRect();
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      const ctx = canvas.getContext("2d");
      if (!ctx) return;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      inkStyle(ctx);
      strokes.current.forEach((stroke) => drawStroke(ctx, stroke));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);

  // The preview of a saved signature is released when it is replaced, cleared or unmounted.
  useEffect(() => {
    if (!saved) return;
    return () => URL.revokeObjectURL(saved.url);
  }, [saved]);

  const pointOf = (event: { clientX: number; clientY: number }): Point => {
    const rect = canvasRef.current!.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };

  function onPointerDown(event: PointerEvent<HTMLCanvasElement>) {
    if (saving || activePointer.current !== null || (event.pointerType === "mouse" && event.button !== 0)) return;
    event.preventDefault();
    try {
      event.currentTarget.setPointerCapture(event.pointerId);
    } catch {
      // Capture is a nicety (strokes leaving the pad); drawing works without it.
    }
    activePointer.current = event.pointerId;
    strokes.current.push([pointOf(event)]);
  }

  function onPointerMove(event: PointerEvent<HTMLCanvasElement>) {
    if (activePointer.current !== event.pointerId) return;
    const ctx = context();
    const stroke = strokes.current[strokes.current.length - 1];
    if (!ctx || !stroke) return;
    // Coalesced events carry the points a fast finger crossed between two frames.
    const events = event.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const e of events.length ? events : [event.nativeEvent]) {
      stroke.push(pointOf(e));
      drawLastPiece(ctx, stroke);
    }
  }

  function onPointerEnd(event: PointerEvent<HTMLCanvasElement>) {
    if (activePointer.current !== event.pointerId) return;
    activePointer.current = null;
    const ctx = context();
    const stroke = strokes.current[strokes.current.length - 1];
    if (ctx && stroke) {
      if (stroke.length === 1) drawStroke(ctx, stroke);
      else {
        ctx.beginPath();
        ctx.moveTo(...xy(mid(stroke[stroke.length - 2], stroke[stroke.length - 1])));
        ctx.lineTo(...xy(stroke[stroke.length - 1]));
        ctx.stroke();
      }
    }
    setSigned(true);
    setMessage(null);
  }

  function clear() {
    strokes.current = [];
    const canvas = canvasRef.current;
    const ctx = context();
    if (canvas && ctx) {
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.restore();
    }
    setSigned(false);
    setMessage(null);
    if (saved) {
      setSaved(null);
      onChange(null);
    }
  }

  async function confirm() {
    if (!signed || strokes.current.length === 0) {
      setMessage(t("errors.signatureEmpty"));
      return;
    }
    setSaving(true);
    setMessage(null);
    try {
      const png = await exportSignature(strokes.current);
      const form = new FormData();
      form.set("siteId", siteId);
      form.set("kind", "SIGNATURE");
      form.set("file", new File([png], "signature.png", { type: "image/png" }));
      const result = await uploadFileAction(form);
      if (!result.ok) {
        setMessage(result.fieldErrors?.file ?? result.message);
        return;
      }
      setSaved({ fileId: result.data.id, url: URL.createObjectURL(png) });
      onChange(result.data.id);
    } catch {
      setMessage(t("errors.uploadFailed"));
    } finally {
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
          alt={t("signature.image")}
          data-testid={`${id}-image`}
          data-file-id={saved.fileId}
          className="max-h-48 w-full rounded-md border border-slate-300 bg-white object-contain"
        />
      ) : null}
      <canvas
        ref={canvasRef}
        hidden={!!saved}
        role="img"
        aria-label={t("signature.pad")}
        aria-describedby={`${id}-error`}
        data-testid={`${id}-canvas`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerEnd}
        onPointerCancel={onPointerEnd}
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
