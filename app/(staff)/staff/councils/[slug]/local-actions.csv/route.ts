import { ForbiddenError, NotSignedInError } from "@/lib/auth/actor.server";
import { sessionUserId } from "@/lib/auth/options.server";
import { exportLocalActionsCsv } from "@/lib/local-actions/csv.server";

// One council's local actions as a CSV file for its staff to edit and upload again (lib/local-actions/csv.server.ts,
// docs/local-actions-csv.md). Its own council's accounts and DfE admins only: never cached, by the browser or anything
// in between.

export const dynamic = "force-dynamic";

const PRIVATE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

type Context = { params: Promise<{ slug: string }> };

export async function GET(_request: Request, { params }: Context) {
  let file: Awaited<ReturnType<typeof exportLocalActionsCsv>>;
  try {
    file = await exportLocalActionsCsv(await sessionUserId(), (await params).slug);
  } catch (error) {
    if (error instanceof NotSignedInError)
      return Response.json({ error: "Not signed in", message: error.message }, { status: 401, headers: PRIVATE });
    if (error instanceof ForbiddenError)
      return Response.json({ error: "Forbidden", message: error.message }, { status: 403, headers: PRIVATE });
    throw error;
  }
  if (!file)
    return Response.json(
      { error: "Not found", message: "There is no council at this address." },
      { status: 404, headers: PRIVATE },
    );
  return new Response(file.csv, {
    headers: {
      ...PRIVATE,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
    },
  });
}
