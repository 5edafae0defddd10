/** Namespaces every client component may use: the shell, shared words, field and validation messages. */
export const SHARED_CLIENT_NAMESPACES = ["app", "shell", "common", "fields", "validation", "errors", "account", "offline"] as const;

/** The named top-level namespaces of a catalogue (unknown names are ignored). */
export function pickMessages<M extends Record<string, unknown>>(messages: M, namespaces: readonly string[]): Partial<M> {
  const picked: Partial<M> = {};
  for (const ns of new Set(namespaces)) if (ns in messages) picked[ns as keyof M] = messages[ns as keyof M];
  return picked;
}
