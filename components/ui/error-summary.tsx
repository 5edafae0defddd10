"use client";

import { useEffect, useRef } from "react";

/** The label a refused field shows the user (its <label>, or the group's legend / aria-label). */
export function labelOf(name: string): string {
  const id = `f-${name}`;
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`);
  const element = document.getElementById(id);
  const text =
    label?.textContent ??
    element?.getAttribute("aria-label") ??
    element?.querySelector("legend")?.textContent ??
    (element?.getAttribute("aria-labelledby") ? document.getElementById(element.getAttribute("aria-labelledby")!)?.textContent : null);
  return (text ?? name).replace(/\s*\*\s*$/, "").trim();
}

/**
 * The one summary at the top of a long form when a submission is refused for its fields: what was
 * refused, and a link to each refused field (its own message stays next to it). It takes the focus,
 * so the user who pressed save at the bottom sees it and a screen reader reads it.
 */
export function ErrorSummary({ message, fields }: { message: string | null; fields: { name: string; label: string }[] }) {
  const box = useRef<HTMLDivElement>(null);
  const shown = Boolean(message) && fields.length > 0;
  useEffect(() => {
    if (shown) box.current?.focus();
  }, [shown, fields]);
  if (!shown) return null;
  return (
    <div
      ref={box}
      tabIndex={-1}
      role="alert"
      data-testid="error-summary"
      className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 focus:outline-2 focus:outline-red-600"
    >
      <p className="font-medium">{message}</p>
      <ul className="mt-1 list-disc pl-5">
        {fields.map((l) => (
          <li key={l.name}>
            <a href={`#f-${l.name}`} className="underline">
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
