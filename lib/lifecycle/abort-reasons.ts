/**
 * A server under steady load kept the requests it had served, each with its whole render (decision 022).
 *
 * React's Flight server ends every render by aborting its cache controller with a new `Error` ("This
 * render completed successfully…"), and Next.js aborts controllers of its own; the reason stays on the
 * signal. An `Error` whose `stack` is never read keeps V8's unformatted frames, and a frame keeps its
 * receiver: here the `Immediate` the render's work ran on. A run Immediate keeps its links to the other
 * Immediates of its batch (`_idleNext`/`_idlePrev`, Node's timers) and each one its AsyncLocalStorage
 * stores, i.e. another request's whole render. So one request held for long (a module first loaded
 * while it ran holds it) chains every request that overlapped it, and those the next ones: on
 * `kewu_scale` the server held 1 868 responses after a few minutes of ten users, and every page cost
 * two to five times its CPU. Upstream: nodejs/node#66129, vercel/next.js#84648 and #97434, react#37288.
 *
 * The remedy is the one those reports measured: read the reason's `stack` when it is handed to
 * `abort()`. V8 then formats it once into a string and lets the frames go; the message and the stack
 * stay as they were for anyone who looks. An abort without a reason gets the reason Node would give it
 * (a DOMException "AbortError"), formatted the same way. Installed once per process, by
 * instrumentation.ts, before the first request.
 */
const INSTALLED = Symbol.for("kewu.abortReasonsMaterialized");

type Patched = typeof AbortController.prototype.abort & { [INSTALLED]?: true };

/** Reads `reason.stack` (formatting it and dropping V8's frames) when the reason has one. */
export function materializeStack(reason: unknown): void {
  if (typeof reason !== "object" || reason === null) return;
  try {
    void (reason as { stack?: unknown }).stack;
  } catch {
    // A getter that throws is the reason's own business; abort() still gets the reason.
  }
}

/** Patches AbortController.prototype.abort (once) so that every reason's stack is formatted when given. */
export function materializeAbortReasons(): void {
  const proto = AbortController.prototype;
  if ((proto.abort as Patched)[INSTALLED]) return;
  const original = proto.abort;
  const abort = function abort(this: AbortController, reason?: unknown) {
    const given = reason === undefined ? new DOMException("This operation was aborted", "AbortError") : reason;
    materializeStack(given);
    return original.call(this, given);
  } as Patched;
  abort[INSTALLED] = true;
  proto.abort = abort;
}
