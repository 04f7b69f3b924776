import { currentActor } from "@/modules/auth/lib/current-actor";
import { getAttention } from "@/modules/attention/lib/attention";

export const dynamic = "force-dynamic";

/**
 * The header's counts for the signed-in user (session cookie, not a bearer
 * token): fetched by the header after each navigation, since a shared layout
 * is not rendered again when the user follows a link.
 */
export async function GET() {
  const actor = await currentActor();
  if (!actor) {
    return Response.json(
      { type: "about:blank", title: "Unauthorized", status: 401, detail: "Not signed in." },
      { status: 401, headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store" } },
    );
  }
  return Response.json(await getAttention(actor), { headers: { "Cache-Control": "no-store" } });
}
