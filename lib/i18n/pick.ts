/**
 * Namespaces every page sends to its client components: what the shell's need (the menu, the offline
 * queue's bar, error messages). A page whose client components use others names them (withClientMessages):
 * a list without a form does not carry the form and validation texts.
 */
export const SHARED_CLIENT_NAMESPACES = ["app", "shell", "errors", "offline"] as const;

/** The named top-level namespaces of a catalogue (unknown names are ignored). */
export function pickMessages<M extends Record<string, unknown>>(messages: M, namespaces: readonly string[]): Partial<M> {
  const picked: Partial<M> = {};
  for (const ns of new Set(namespaces)) if (ns in messages) picked[ns as keyof M] = messages[ns as keyof M];
  return picked;
}
