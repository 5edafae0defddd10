/**
 * A filter as a query string again (pagination, export links): '?a=1&b=2', or '' when empty. Its own
 * module, without imports, so that a client component can build the same links (lib/pagination.ts
 * re-exports it for the server).
 */
export function filterQuery(filter: Record<string, string | undefined>): string {
  const sp = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) sp.set(key, value);
  const query = sp.toString();
  return query ? `?${query}` : "";
}
