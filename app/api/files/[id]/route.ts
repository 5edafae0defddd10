import { getActor } from "@/lib/auth/actor";
import { AccessError } from "@/lib/auth/guard";
import { readFile } from "@/lib/storage";

export const dynamic = "force-dynamic";

const NO_STORE = { "Cache-Control": "private, no-store" };

/** GET /api/files/:id — a photo or signature of one of the signed-in user's sites. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) return new Response(null, { status: 401, headers: NO_STORE });
  try {
    const file = await readFile(actor, (await params).id);
    return new Response(file.bytes, {
      headers: {
        "Content-Type": file.contentType,
        "Content-Length": String(file.bytes.length),
        // The bytes behind an id never change (content-addressed blob, immutable row).
        "Cache-Control": "private, max-age=31536000, immutable",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (err) {
    // Another site's file does not exist for this user.
    if (err instanceof AccessError) return new Response(null, { status: 404, headers: NO_STORE });
    throw err;
  }
}
