"use client";

import { useCallback, useMemo, useRef, useState } from "react";

/**
 * Uploads a form is waiting for (a signature being saved): the form's save waits for them to settle
 * before it reads its values, and says so meanwhile, instead of sending the form without the file.
 */
export function useUploadGate() {
  const pending = useRef(new Set<Promise<unknown>>());
  const [count, setCount] = useState(0);
  const track = useCallback(<T>(upload: Promise<T>): Promise<T> => {
    pending.current.add(upload);
    setCount(pending.current.size);
    const done = () => {
      pending.current.delete(upload);
      setCount(pending.current.size);
    };
    upload.then(done, done);
    return upload;
  }, []);
  const settled = useCallback(async () => {
    while (pending.current.size > 0) await Promise.allSettled([...pending.current]);
  }, []);
  return useMemo(() => ({ uploading: count > 0, track, settled }), [count, track, settled]);
}

export type UploadGate = ReturnType<typeof useUploadGate>;
