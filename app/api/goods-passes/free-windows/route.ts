import { AccessError } from "@/lib/auth/guard";
import { freeWindows } from "@/lib/goods-passes/queries";
import { parseInstant } from "@/lib/validation";

export const dynamic = "force-dynamic";

/** GET /api/goods-passes/free-windows?route=…&start=…&end=… — R-GP-5 proposals; the query checks access. */
export async function GET(request: Request) {
  const sp = new URL(request.url).searchParams;
  // Instants with their offset only, as the form sends them (R-CAL-2).
  const start = parseInstant(sp.get("start"));
  const end = parseInstant(sp.get("end"));
  if (!start || !end) return Response.json({ error: "invalid" }, { status: 400 });
  try {
    return Response.json(
      { windows: await freeWindows(sp.get("route") ?? "", start, end) },
      { headers: { "Cache-Control": "private, no-store" } },
    );
  } catch (err) {
    if (err instanceof AccessError) return Response.json({ error: err.code }, { status: err.code === "unauthenticated" ? 401 : 403 });
    throw err;
  }
}
