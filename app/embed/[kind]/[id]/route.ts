import { publicOrigin } from "@/lib/http/site";
import { renderMissingWidget, renderWidget } from "@/lib/embed/render";
import { embedTargetOf } from "@/lib/embed/targets";
import { readWidget } from "@/lib/embed/widgets.server";

// A widget another website can frame: a pillar's or an outcome's progress, one milestone, one council's local
// progress (lib/embed). The front server stores it like any public page and lets only /embed/ be framed
// (lib/http/security-headers.ts).

export const dynamic = "force-dynamic";

const HTML = { "Content-Type": "text/html; charset=utf-8" };

export async function GET(_request: Request, { params }: { params: Promise<{ kind: string; id: string }> }) {
  const { kind, id } = await params;
  const target = embedTargetOf(kind, id);
  const widget = target ? await readWidget(target) : null;
  if (!widget) return new Response(renderMissingWidget(publicOrigin()), { status: 404, headers: HTML });
  return new Response(renderWidget(widget, publicOrigin()), { headers: HTML });
}
