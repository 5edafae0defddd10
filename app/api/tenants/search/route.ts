import { AccessError } from "@/lib/auth/guard";
import { searchTenants } from "@/lib/registry/tenant.queries";

export const dynamic = "force-dynamic";

/** GET /api/tenants/search?site=…&q=… — the type-ahead of the intake forms; the data layer checks access. */
export async function GET(request: Request) {
  const url = new URL(request.url);
  try {
    const tenants = await searchTenants(url.searchParams.get("site") ?? "", url.searchParams.get("q") ?? "");
    return Response.json({ tenants }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (err) {
    if (err instanceof AccessError) return Response.json({ error: err.code }, { status: err.code === "unauthenticated" ? 401 : 403 });
    throw err;
  }
}
