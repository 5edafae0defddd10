import { permanentRedirect } from "next/navigation";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The inspection compliance review moved into the inspections module; old bookmarks follow it with their query. */
export default async function OldCompliancePage({ searchParams }: { searchParams: SearchParams }) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, v);
  }
  const qs = query.toString();
  permanentRedirect(qs ? `/inspections/compliance?${qs}` : "/inspections/compliance");
}
