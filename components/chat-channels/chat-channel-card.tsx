"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { CheckboxField, TextField } from "@/components/ui/form-controls";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { useHydrated } from "@/components/ui/use-hydrated";
import { deleteChatChannelAction, sendTestChatMessageAction, updateChatChannelAction } from "@/lib/chat-channels/actions";
import type { ChatTopic } from "@/lib/chat-channels/schema";
import { UpdateChatChannelSchema } from "@/lib/chat-channels/schema";
import { TopicFields } from "./topic-fields";

export interface ChatChannelView {
  id: string;
  kind: string;
  name: string;
  urlHost: string;
  hasSecret: boolean;
  topics: string[];
  locale: string;
  active: boolean;
  version: number;
  /** Formatted on the server, in the site's time zone. */
  lastError: string | null;
  lastErrorAt: string | null;
  lastSentAt: string | null;
  deliveries: { id: string; topic: string; state: string; attempts: number; lastError: string | null; at: string }[];
}

/**
 * One channel: its state (last error with the platform's message, last send, latest messages), a
 * test message, the edit form (the URL and the secret are never shown; empty keeps them) and delete.
 */
export function ChatChannelCard({ channel }: { channel: ChatChannelView }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, start] = useTransition();
  const [buttonError, setButtonError] = useState<string | null>(null);
  const [buttonMessage, setButtonMessage] = useState<string | null>(null);
  const values = {
    channelId: channel.id,
    version: channel.version,
    name: channel.name,
    url: "",
    secret: "",
    clearSecret: false,
    topics: channel.topics as ChatTopic[],
    locale: channel.locale as "zh-CN" | "en",
    active: channel.active,
  };
  const { form, onSubmit, formError, formMessage, errorOf, busy, t } = useActionForm({
    schema: UpdateChatChannelSchema,
    action: updateChatChannelAction,
    defaultValues: values,
    onSuccess: () => router.refresh(),
  });
  const idPrefix = `chat-${channel.id}`;

  const run = (action: (input: unknown) => Promise<{ ok: boolean; message?: string; fieldErrors?: Record<string, string> }>) =>
    start(async () => {
      const result = await action({ channelId: channel.id });
      setButtonError(result.ok ? null : (result.fieldErrors?.test ?? result.message ?? null));
      setButtonMessage(result.ok ? (result.message ?? null) : null);
      router.refresh();
    });

  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`${idPrefix}-title`}>
      <header className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`${idPrefix}-title`} className="font-semibold text-slate-900">
          {channel.name}{" "}
          <span className="text-sm font-normal text-slate-500">
            · {t(`chatChannels.kinds.${channel.kind}`)} · {channel.urlHost}
          </span>
        </h3>
      </header>
      {channel.lastError ? (
        <p className="mb-2 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" role="status">
          {t("chatChannels.status.lastError", { at: channel.lastErrorAt ?? "", error: channel.lastError })}
        </p>
      ) : null}
      <p className="mb-3 text-sm text-slate-600">
        {channel.lastSentAt ? t("chatChannels.status.lastSent", { at: channel.lastSentAt }) : t("chatChannels.status.never")}
      </p>
      <div className="mb-3 flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          disabled={!hydrated || pending}
          aria-busy={pending}
          onClick={() => run(sendTestChatMessageAction)}
        >
          {t("chatChannels.sendTest")}
        </Button>
        <Button type="button" variant="danger" disabled={!hydrated || pending} onClick={() => run(deleteChatChannelAction)}>
          {t("chatChannels.delete")}
        </Button>
      </div>
      <FormStatus error={buttonError} message={buttonMessage} />

      <form onSubmit={onSubmit} noValidate className="mt-3 flex flex-col gap-3 border-t border-slate-100 pt-3" aria-label={channel.name}>
        <TextField
          name="name"
          idPrefix={idPrefix}
          label={t("chatChannels.fields.name")}
          register={form.register}
          required
          maxLength={60}
          error={errorOf("name")}
        />
        <TextField
          name="url"
          idPrefix={idPrefix}
          label={t("chatChannels.fields.url")}
          hint={t("chatChannels.fields.urlKeep", { host: channel.urlHost })}
          register={form.register}
          type="url"
          autoComplete="off"
          error={errorOf("url")}
        />
        {channel.kind === "DINGTALK" || channel.kind === "FEISHU" ? (
          <>
            <TextField
              name="secret"
              idPrefix={idPrefix}
              label={t("chatChannels.fields.secret")}
              hint={channel.hasSecret ? t("chatChannels.fields.secretKeep") : undefined}
              register={form.register}
              type="password"
              autoComplete="off"
              error={errorOf("secret")}
            />
            {channel.hasSecret && channel.kind === "FEISHU" ? (
              <CheckboxField name="clearSecret" idPrefix={idPrefix} label={t("chatChannels.fields.clearSecret")} register={form.register} />
            ) : null}
          </>
        ) : null}
        <TopicFields idPrefix={idPrefix} register={form.register} t={t} topicsError={errorOf("topics")} />
        <CheckboxField name="active" idPrefix={idPrefix} label={t("chatChannels.fields.active")} register={form.register} />
        <div>
          <SubmitButton busy={busy} pending={form.formState.isSubmitting} />
        </div>
        <FormStatus error={formError} message={formMessage} />
      </form>

      {channel.deliveries.length > 0 ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-slate-700">{t("chatChannels.deliveries")}</summary>
          <ul className="mt-2 flex flex-col gap-1">
            {channel.deliveries.map((d) => (
              <li key={d.id} className="text-slate-600">
                {d.at} · {t(`chatChannels.topics.${d.topic}`)} · {t(`chatChannels.status.${d.state}`)}
                {d.lastError ? <span className="text-red-700"> · {d.lastError}</span> : null}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </article>
  );
}
