/**
 * Test helpers (imported by *.test.ts only; the app never imports this file).
 * Tests may touch process.env.TZ — the module under test never does.
 */

/** Run `fn` with the SERVER's zone set to `timeZone` (Node re-reads TZ on assignment). */
export function withServerZone<T>(timeZone: string, fn: () => T): T {
  const previous = process.env.TZ;
  process.env.TZ = timeZone;
  try {
    return fn();
  } finally {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  }
}

/** The server-zone calendar day of an instant — only to prove in tests that the zone really changed. */
export function serverLocalDay(instant: Date): number {
  return instant.getDate();
}

/** Every date from `first` to `last` inclusive, built without any zone (UTC arithmetic). */
export function datesOfRange(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= Date.parse(`${last}T00:00:00Z`); t += 86_400_000) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

/** Independent weekday check for expectations (UTC noon of the date, so no zone can shift it). */
export function isMonToFri(date: string): boolean {
  const dow = new Date(`${date}T12:00:00Z`).getUTCDay();
  return dow >= 1 && dow <= 5;
}
