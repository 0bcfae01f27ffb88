import { ForbiddenError, NotSignedInError } from "@/lib/auth/actor.server";
import { sessionUserId } from "@/lib/auth/options.server";
import { exportMilestonesCsv, MILESTONE_CSV_FILENAME } from "@/lib/staff/milestone-csv.server";

// The milestones as a CSV file for staff to edit and upload again (see lib/staff/milestone-csv.server.ts).
// Staff only: never cached, by the browser or anything in between.

export const dynamic = "force-dynamic";

const PRIVATE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

export async function GET() {
  let csv: string;
  try {
    csv = await exportMilestonesCsv(await sessionUserId());
  } catch (error) {
    if (error instanceof NotSignedInError)
      return Response.json({ error: "Not signed in", message: error.message }, { status: 401, headers: PRIVATE });
    if (error instanceof ForbiddenError)
      return Response.json({ error: "Forbidden", message: error.message }, { status: 403, headers: PRIVATE });
    throw error;
  }
  return new Response(csv, {
    headers: {
      ...PRIVATE,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${MILESTONE_CSV_FILENAME}"`,
    },
  });
}
