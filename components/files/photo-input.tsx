"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { uploadOrKeep } from "@/lib/offline/upload";
import { newRequestId } from "@/lib/request-id";
import { ImageDecodeError, resizeImage } from "./resize-image";

type Status = "resizing" | "uploading" | "done" | "error";

interface Upload {
  key: string;
  previewUrl: string;
  status: Status;
  fileId?: string;
  error?: string;
}

export interface PhotoInputProps {
  siteId: string;
  /** Form field name: also the name of the hidden inputs carrying the ids, and the base of the element ids. */
  name: string;
  label: string;
  max?: number;
  /** StoredFile ids of the uploaded photos (controlled). */
  value: string[];
  onChange: (ids: string[]) => void;
  /** The form's error for this field (e.g. from the server). */
  error?: string;
  required?: boolean;
}

/**
 * Photos for a record: the phone camera or gallery, each picture shrunk in the browser and uploaded
 * at once; the form then submits only the ids. Files are processed one at a time, which keeps a
 * phone's memory use low when several 12-megapixel pictures are chosen together.
 */
export function PhotoInput({ siteId, name, label, max = 6, value, onChange, error, required }: PhotoInputProps) {
  const t = useTranslations("files");
  const hydrated = useHydrated();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const nextKey = useRef(0);
  // Uploads finish after later renders: they add their id to the latest value, not the one they started with.
  const latest = useRef({ value, onChange });
  useEffect(() => {
    latest.current = { value, onChange };
  });
  const objectUrls = useRef(new Set<string>());
  useEffect(() => {
    const urls = objectUrls.current;
    return () => urls.forEach((url) => URL.revokeObjectURL(url));
  }, []);

  const id = `f-${name.replaceAll(".", "-")}`;
  const pending = uploads.filter((u) => u.status === "resizing" || u.status === "uploading").length;
  const room = max - value.length - pending;

  // This session's uploads, plus ids the form already had (e.g. when editing), shown from the server.
  const ours = new Set(uploads.map((u) => u.fileId));
  const shown: Upload[] = [
    ...value
      .filter((fileId) => !ours.has(fileId))
      .map((fileId) => ({ key: fileId, previewUrl: `/api/files/${fileId}`, status: "done" as const, fileId })),
    ...uploads.filter((u) => u.status !== "done" || (u.fileId && value.includes(u.fileId))),
  ];

  const objectUrl = (blob: Blob) => {
    const url = URL.createObjectURL(blob);
    objectUrls.current.add(url);
    return url;
  };
  const releaseUrl = (url: string) => {
    if (!objectUrls.current.delete(url)) return;
    URL.revokeObjectURL(url);
  };
  const update = (key: string, change: Partial<Upload>) => setUploads((all) => all.map((u) => (u.key === key ? { ...u, ...change } : u)));

  async function onFiles(event: ChangeEvent<HTMLInputElement>) {
    const chosen = Array.from(event.target.files ?? []);
    event.target.value = ""; // choosing the same picture again fires change again
    setNotice(chosen.length > room ? t("errors.tooMany", { max }) : null);
    const batch = chosen
      .slice(0, Math.max(0, room))
      .map((file) => ({ file, key: `upload-${nextKey.current++}`, previewUrl: objectUrl(file) }));
    setUploads((all) => [...all, ...batch.map(({ key, previewUrl }) => ({ key, previewUrl, status: "resizing" as const }))]);

    for (const { file, key, previewUrl } of batch) {
      try {
        const photo = await resizeImage(file);
        const smallPreview = photo === file ? previewUrl : objectUrl(photo);
        if (smallPreview !== previewUrl) releaseUrl(previewUrl);
        update(key, { status: "uploading", previewUrl: smallPreview });
        const form = new FormData();
        form.set("requestId", newRequestId());
        form.set("siteId", siteId);
        form.set("kind", "PHOTO");
        form.set("file", photo);
        // Without a signal the picture is kept on the phone and uploaded before its record (lib/offline).
        const result = await uploadOrKeep(form);
        if (!result.ok) {
          update(key, { status: "error", error: result.fieldErrors?.file ?? result.message });
          continue;
        }
        const next = [...latest.current.value, result.data.id];
        latest.current.value = next;
        update(key, { status: "done", fileId: result.data.id });
        latest.current.onChange(next);
      } catch (err) {
        update(key, { status: "error", error: t(err instanceof ImageDecodeError ? "errors.cannotRead" : "errors.uploadFailed") });
      }
    }
  }

  function remove(upload: Upload) {
    if (upload.fileId) {
      const next = latest.current.value.filter((fileId) => fileId !== upload.fileId);
      latest.current.value = next;
      latest.current.onChange(next);
    }
    setUploads((all) => all.filter((u) => u.key !== upload.key));
    releaseUrl(upload.previewUrl);
    setNotice(null);
    // The removed button's focus would be lost: give it to the picker (enabled again once there is room).
    setTimeout(() => inputRef.current?.focus(), 0);
  }

  const statusText = (u: Upload) =>
    u.status === "error" ? (u.error ?? t("photos.failed")) : t(u.status === "done" ? "photos.uploaded" : `photos.${u.status}`);
  const failedIds = shown.filter((u) => u.status === "error").map((u) => `${id}-${u.key}-status`);
  const full = room <= 0;

  return (
    <Field
      id={id}
      label={label}
      error={error ?? notice ?? undefined}
      hint={full ? t("photos.full", { max }) : t("photos.hint", { max })}
      required={required}
    >
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        disabled={!hydrated || full}
        onChange={onFiles}
        aria-invalid={error || failedIds.length ? true : undefined}
        aria-describedby={[`${id}-error`, `${id}-hint`, `${id}-count`, ...failedIds].join(" ")}
        className="block w-full text-sm text-slate-700 file:mr-3 file:min-h-11 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-4 file:py-2 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50 disabled:opacity-60"
      />
      <p id={`${id}-count`} className="sr-only" aria-live="polite">
        {t("photos.count", { count: value.length, max })}
      </p>
      {value.map((fileId) => (
        <input key={fileId} type="hidden" name={name} value={fileId} />
      ))}
      {shown.length > 0 ? (
        <ul className="mt-2 grid grid-cols-3 gap-2 sm:grid-cols-6" data-testid={`${name}-photos`}>
          {shown.map((u, index) => (
            <li key={u.key} className="flex flex-col gap-1" data-status={u.status}>
              {u.status === "error" ? (
                // A refused file may not be a picture at all: no preview.
                <div aria-hidden className="aspect-square w-full rounded-md border border-dashed border-red-300 bg-red-50" />
              ) : (
                // eslint-disable-next-line @next/next/no-img-element -- object URLs and private files: next/image cannot optimise them
                <img
                  src={u.previewUrl}
                  alt={t("photos.photo", { n: index + 1 })}
                  className={`aspect-square w-full rounded-md border border-slate-200 object-cover ${u.status === "done" ? "" : "opacity-60"}`}
                />
              )}
              <p
                id={`${id}-${u.key}-status`}
                className={`text-xs ${u.status === "error" ? "text-red-600" : "text-slate-500"}`}
                aria-live="polite"
              >
                {statusText(u)}
              </p>
              {u.status === "done" || u.status === "error" ? (
                <Button
                  type="button"
                  variant="secondary"
                  className="min-h-8 px-2 py-1 text-xs"
                  onClick={() => remove(u)}
                  aria-label={t("photos.remove", { n: index + 1 })}
                  aria-describedby={`${id}-${u.key}-status`}
                >
                  {t("photos.removeShort")}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Field>
  );
}
