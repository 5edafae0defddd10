/**
 * Decision 022: finished renders must not keep each other alive through their abort reasons. The
 * chain is rebuilt here in plain Node, as it happens in the server: each "request" runs its work in a
 * setImmediate callback inside its own AsyncLocalStorage store, ends by aborting its controller with a
 * new Error (React's Flight server does exactly this), and keeps the signal; one request is held for
 * long (as a module first loaded during a request holds it). Whether the other requests' stores can be
 * collected is read from WeakRefs after forced garbage collections.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, describe, expect, it } from "vitest";
import { materializeAbortReasons, materializeStack } from "./abort-reasons";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const originalAbort = AbortController.prototype.abort;
afterAll(() => {
  AbortController.prototype.abort = originalAbort;
});

interface Store {
  id: number;
  payload: Uint8Array;
  signal?: AbortSignal;
}

const REQUESTS = 40;

/** Runs REQUESTS overlapping "requests"; returns how many stores besides the held one survive collection. */
async function survivors(abort: (controller: AbortController, reason: Error) => void): Promise<number> {
  const als = new AsyncLocalStorage<Store>();
  const refs: WeakRef<Store>[] = [];
  let held: Store | undefined;
  await new Promise<void>((done) => {
    let finished = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const store: Store = { id: i, payload: new Uint8Array(64 * 1024) };
      refs.push(new WeakRef(store));
      if (i === 0) held = store;
      als.run(store, () => {
        // A plain function, as Node calls it: immediate._onImmediate() — the Immediate is its receiver.
        setImmediate(function work() {
          const own = als.getStore()!;
          const controller = new AbortController();
          abort(controller, new Error("This render completed successfully."));
          own.signal = controller.signal;
          if (++finished === REQUESTS) setImmediate(done);
        });
      });
    }
  });
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 0));
  }
  expect(held?.id).toBe(0);
  return refs.slice(1).filter((r) => r.deref() !== undefined).length;
}

describe("abort reasons (decision 022)", () => {
  it("unformatted, they chain every request that ran beside the held one", async () => {
    // The control: without the remedy the leak is there, so the test below can fail.
    expect(await survivors((c, reason) => originalAbort.call(c, reason))).toBe(REQUESTS - 1);
  });

  it("formatted when given to abort(), the other requests are collected", async () => {
    materializeAbortReasons();
    expect(await survivors((c, reason) => c.abort(reason))).toBe(0);
  });

  it("keeps the reason, its message and its stack; an abort without a reason gets Node's AbortError", () => {
    materializeAbortReasons();
    materializeAbortReasons(); // once per process, however often it is called
    const reason = new Error("gone");
    const c = new AbortController();
    c.abort(reason);
    expect(c.signal.aborted).toBe(true);
    expect(c.signal.reason).toBe(reason);
    expect(String(reason.stack)).toContain("gone");
    const bare = new AbortController();
    bare.abort();
    expect(bare.signal.reason).toBeInstanceOf(DOMException);
    expect((bare.signal.reason as DOMException).name).toBe("AbortError");
  });

  it("leaves reasons without a stack, and a stack getter that throws, alone", () => {
    expect(() => materializeStack("a string")).not.toThrow();
    expect(() => materializeStack(null)).not.toThrow();
    const odd = Object.defineProperty({}, "stack", {
      get() {
        throw new Error("no");
      },
    });
    expect(() => materializeStack(odd)).not.toThrow();
  });
});
