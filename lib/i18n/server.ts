import "server-only";
import { createTranslator } from "next-intl";
import { cookies } from "next/headers";
import { DEFAULT_LOCALE, LOCALE_COOKIE, toLocale, type Locale } from "./config";
import { MESSAGES } from "./messages";

/** The request's locale; outside a request (scripts, tests) the default, Chinese. */
export async function currentLocale(): Promise<Locale> {
  try {
    return toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  } catch {
    return DEFAULT_LOCALE;
  }
}

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * A plain translator usable in the data layer (server actions' messages, exports' labels). A message
 * without values is formatted once per key and kept: an export asks for the same few labels (states,
 * categories) on every one of its 10 000 rows. Only keys that exist are kept, so the memo is bounded by
 * the message files.
 */
export function translator(locale: Locale): Translate {
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  const formatted = new Map<string, string>();
  return (key, values) => {
    if (values) return t.has(key as never) ? (t as unknown as Translate)(key, values) : key;
    let text = formatted.get(key);
    if (text === undefined) {
      if (!t.has(key as never)) return key;
      formatted.set(key, (text = (t as unknown as Translate)(key)));
    }
    return text;
  };
}
