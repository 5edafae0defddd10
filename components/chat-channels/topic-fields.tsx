"use client";

import type { FieldValues, Path, UseFormRegister } from "react-hook-form";
import { CHAT_LOCALES, CHAT_TOPICS } from "@/lib/chat-channels/schema";

/** What a channel receives (checkboxes) and in which language: shared by the new and the edit form. */
export function TopicFields<T extends FieldValues>(props: {
  idPrefix: string;
  register: UseFormRegister<T>;
  t: (key: string) => string;
  topicsError?: string;
}) {
  const { idPrefix, register, t } = props;
  return (
    <>
      <fieldset
        className="flex flex-col gap-1"
        aria-describedby={props.topicsError ? `${idPrefix}-topics-error` : undefined}
        aria-invalid={props.topicsError ? true : undefined}
      >
        <legend className="text-sm font-medium text-slate-700">{t("chatChannels.fields.topics")}</legend>
        <div className="flex flex-wrap gap-x-4">
          {CHAT_TOPICS.map((topic) => (
            <label key={topic} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" value={topic} className="h-5 w-5" {...register("topics" as Path<T>)} />
              {t(`chatChannels.topics.${topic}`)}
            </label>
          ))}
        </div>
        {props.topicsError ? (
          <p id={`${idPrefix}-topics-error`} className="text-sm text-red-700">
            {props.topicsError}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium text-slate-700">{t("chatChannels.fields.locale")}</legend>
        <div className="flex gap-4">
          {CHAT_LOCALES.map((locale) => (
            <label key={locale} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="radio" value={locale} className="h-4 w-4" {...register("locale" as Path<T>)} />
              {t(`chatChannels.locales.${locale}`)}
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}
