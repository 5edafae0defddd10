import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "@/lib/i18n/config";
import { translator, type Translate } from "@/lib/i18n/server";

/**
 * A notification is written once, when its event happens, but read later by people who may have
 * switched the UI to another language. So it is rendered in every UI language at creation:
 * `title`/`body` hold the reference language (zh-CN — also the email digest's language and the
 * fallback), `texts` the others ({ en: { title, body } }). Rows written before `texts` existed have
 * none and are read in Chinese.
 */

export interface NotificationText {
  title: string;
  body: string | null;
}

/** The stored `Notification.texts`: the text per non-reference locale. */
export type NotificationTexts = Partial<Record<Locale, NotificationText>>;

/** Columns of a Notification insert that carry its text. */
export interface LocalizedNotificationText extends NotificationText {
  texts: Prisma.InputJsonValue;
}

const TITLE_MAX = 200;
const BODY_MAX = 1000;

const translators = new Map<Locale, Translate>();
function translatorFor(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = translator(locale)));
  return t;
}

const clip = ({ title, body }: NotificationText): NotificationText => ({
  title: title.slice(0, TITLE_MAX),
  body: body === null ? null : body.slice(0, BODY_MAX),
});

/**
 * Renders a notification's text with `render` once per UI language and returns the insert columns.
 * `render` must take every translated piece (including values nested in another message) from the
 * `t` it is given, so that each language's text is wholly in that language.
 */
export function localizedNotification(render: (t: Translate, locale: Locale) => NotificationText): LocalizedNotificationText {
  const reference = clip(render(translatorFor(DEFAULT_LOCALE), DEFAULT_LOCALE));
  const texts: NotificationTexts = {};
  for (const locale of LOCALES) if (locale !== DEFAULT_LOCALE) texts[locale] = clip(render(translatorFor(locale), locale));
  return { ...reference, texts: texts as Prisma.InputJsonValue };
}

/** The text to show a reader in `locale`: the stored translation, else the reference text. */
export function notificationTextFor(
  row: { title: string; body: string | null; texts: Prisma.JsonValue | null },
  locale: Locale,
): NotificationText {
  if (locale !== DEFAULT_LOCALE && row.texts && typeof row.texts === "object" && !Array.isArray(row.texts)) {
    const stored = (row.texts as Record<string, unknown>)[locale];
    if (stored && typeof stored === "object" && typeof (stored as NotificationText).title === "string") {
      const { title, body } = stored as NotificationText;
      return { title, body: typeof body === "string" ? body : null };
    }
  }
  return { title: row.title, body: row.body };
}
