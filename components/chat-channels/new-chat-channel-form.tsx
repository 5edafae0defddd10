"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormStatus } from "@/components/ui/form-status";
import { SelectField, TextField } from "@/components/ui/form-controls";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { createChatChannelAction } from "@/lib/chat-channels/actions";
import { CHAT_KINDS } from "@/lib/chat-channels/formats";
import { CreateChatChannelSchema } from "@/lib/chat-channels/schema";
import { newRequestId } from "@/lib/request-id";
import { TopicFields } from "./topic-fields";

/** A new chat channel of a site: the robot's webhook URL and, for DingTalk and Feishu, its signing secret. */
export function NewChatChannelForm({ siteId }: { siteId: string }) {
  const router = useRouter();
  // One id per filled-in form: a double tap or a replayed request finds the channel it already made.
  const [requestId] = useState(newRequestId);
  const empty = {
    requestId,
    siteId,
    kind: "WECOM" as const,
    name: "",
    url: "",
    secret: "",
    topics: ["deadlines" as const],
    locale: "zh-CN" as const,
  };
  const { form, onSubmit, formError, formMessage, errorOf, busy, t } = useActionForm({
    schema: CreateChatChannelSchema,
    action: createChatChannelAction,
    defaultValues: empty,
    onSuccess: () => {
      form.reset({ ...empty, requestId: newRequestId() });
      router.refresh();
    },
  });
  const { register, formState, watch } = form;
  const kind = watch("kind");
  const idPrefix = `new-chat-${siteId}`;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3" aria-label={t("chatChannels.add")}>
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          name="kind"
          idPrefix={idPrefix}
          label={t("chatChannels.fields.kind")}
          register={register}
          required
          options={CHAT_KINDS.map((k) => ({ value: k, label: t(`chatChannels.kinds.${k}`) }))}
        />
        <TextField
          name="name"
          idPrefix={idPrefix}
          label={t("chatChannels.fields.name")}
          register={register}
          required
          maxLength={60}
          error={errorOf("name")}
        />
      </div>
      <TextField
        name="url"
        idPrefix={idPrefix}
        label={t("chatChannels.fields.url")}
        register={register}
        required
        type="url"
        inputMode="url"
        autoComplete="off"
        placeholder="https://"
        error={errorOf("url")}
      />
      {kind === "DINGTALK" || kind === "FEISHU" ? (
        <TextField
          name="secret"
          idPrefix={idPrefix}
          label={t("chatChannels.fields.secret")}
          register={register}
          required={kind === "DINGTALK"}
          type="password"
          autoComplete="off"
          error={errorOf("secret")}
        />
      ) : null}
      <TopicFields idPrefix={idPrefix} register={register} t={t} topicsError={errorOf("topics")} />
      <div>
        <SubmitButton busy={busy} pending={formState.isSubmitting} label={t("chatChannels.add")} />
      </div>
      <FormStatus error={formError} message={formMessage} />
    </form>
  );
}
