import "server-only";

/** A local date 'YYYY-MM-DD' as stored in a @db.Date column (UTC midnight), and back. */
export const dbDate = (date: string) => new Date(`${date}T00:00:00.000Z`);
export const localDateOfDb = (value: Date) => value.toISOString().slice(0, 10);
