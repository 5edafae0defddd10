import { getActor } from "@/lib/auth/actor";
import { AccessError } from "@/lib/auth/guard";
import { openFile } from "@/lib/storage";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "private, no-store" };

/**
 * GET /api/files/:id — a photo or signature to a user who may read the record it is attached to.
 * Never kept in a cache, the browser's included: a signature must not outlive the session that saw it.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response(null, { status: 401, headers: NO_STORE });
  try {
    // Streamed from the backend (disk or bucket): a large photo is never held whole in memory.
    const file = await openFile(actor, (await params).id);
    return new Response(file.stream, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Length": String(file.size),
        ...NO_STORE,
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (err) {
    // A file the user may not see does not exist for them.
    if (err instanceof AccessError) return new Response(null, { status: 404, headers: NO_STORE });
    throw err;
  }
}
