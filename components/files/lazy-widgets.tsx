"use client";

import dynamic from "next/dynamic";

/**
 * The signature pad (signature_pad and its PNG export) and the photo input (resizing, upload queue) load
 * after the page, from their own chunks, instead of with the page's first-load JavaScript: neither can be
 * used before the page is interactive, and a form's save stays disabled until then (useHydrated). The box
 * shown meanwhile has the widget's height, so nothing below it moves when it appears.
 */
function Loading({ height, testId }: { height: number; testId: string }) {
  return <div aria-busy="true" data-testid={testId} style={{ minHeight: height }} className="animate-pulse rounded-md bg-slate-50" />;
}

export const SignaturePad = dynamic(() => import("./signature-pad").then((m) => m.SignaturePad), {
  ssr: false,
  loading: () => <Loading height={300} testId="signature-loading" />,
});

export const PhotoInput = dynamic(() => import("./photo-input").then((m) => m.PhotoInput), {
  ssr: false,
  loading: () => <Loading height={112} testId="photos-loading" />,
});
