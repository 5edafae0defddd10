import { AccessError } from "@/lib/auth/guard";
import { freeWindows } from "@/lib/goods-passes/queries";

export const dynamic = "force-dynamic";

/** GET /api/goods-passes/free-windows?route=…&start=…&end=… — R-GP-5 proposals; the query checks access. */
export async function GET(request: Request) {
  const sp = new URL(request.url).searchParams;
  const start = new Date(sp.get("start") ?? "");
  const end = new Date(sp.get("end") ?? "");
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) return Response.json({ error: "invalid" }, { status: 400 });
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
