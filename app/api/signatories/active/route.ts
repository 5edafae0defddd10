import { AccessError } from "@/lib/auth/guard";
import { activeSignatories } from "@/lib/signatories/queries";

export const dynamic = "force-dynamic";

/** GET /api/signatories/active?tenant=… — the registration form's look-up; the query checks access. */
export async function GET(request: Request) {
  const tenantId = new URL(request.url).searchParams.get("tenant") ?? "";
  try {
    return Response.json({ signatories: await activeSignatories(tenantId) }, { headers: { "Cache-Control": "private, no-store" } });
  } catch (err) {
    if (err instanceof AccessError) return Response.json({ error: err.code }, { status: err.code === "unauthenticated" ? 401 : 403 });
    throw err;
  }
}
