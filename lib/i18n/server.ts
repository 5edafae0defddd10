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

/** A plain translator usable in the data layer (server actions' messages). */
export function translator(locale: Locale): Translate {
  const t = createTranslator({ locale, messages: MESSAGES[locale] });
  return (key, values) => (t.has(key as never) ? (t as unknown as Translate)(key, values) : key);
}
