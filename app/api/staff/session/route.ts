import { authOptions, currentActor } from "@/lib/auth/options.server";
import { roleMay } from "@/lib/auth/permissions";
import { clearStaffHintCookie, type StaffSessionAnswer } from "@/lib/auth/staff-hint";

// Who is signed in, for the staff bar on public pages (components/site/staff-bar.tsx), which asks only when the
// "signed in" hint cookie is there. Passed through the front server, never stored (lib/http/public-routes.ts), and
// private to this browser. With no live session the hint is cleared, so the bar stops asking.

export const dynamic = "force-dynamic";

const PRIVATE = { "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff" };

export async function GET() {
  const actor = await currentActor();
  if (!actor) {
    // 200, not 401: an answer the bar expects is no error in the reader's console.
    return Response.json({ signedIn: false } satisfies StaffSessionAnswer, {
      headers: { ...PRIVATE, "Set-Cookie": clearStaffHintCookie({ secure: authOptions.useSecureCookies === true }) },
    });
  }
  return Response.json(
    {
      signedIn: true,
      name: actor.name,
      mayUpdateMilestones: roleMay(actor.role, "milestone:update"),
      mayReclassify: roleMay(actor.role, "recommendation:reclassify"),
    } satisfies StaffSessionAnswer,
    { headers: PRIVATE },
  );
}
