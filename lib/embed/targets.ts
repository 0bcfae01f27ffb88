import { codeFromPath } from "@/lib/reform/codes";

// What can be embedded (app/embed/[kind]/[id]): a pillar's progress, an outcome's progress, one milestone, one
// council's local progress. Each widget is the small version of a public page with the same address less `/embed`,
// so oEmbed (app/oembed) can be asked about either. Only the shape of an address is checked here; whether the thing
// exists is the widget's read (lib/embed/widgets.server.ts).

export const EMBED_KINDS = ["pillars", "outcomes", "milestones", "councils"] as const;
export type EmbedKind = (typeof EMBED_KINDS)[number];

export interface EmbedTarget {
  kind: EmbedKind;
  /** The pillar or outcome number, the milestone code (upper case) or the council slug (lower case). */
  id: string;
}

/** The frame size the "Embed this" code and oEmbed suggest: the widget fits its height itself with the script. */
export const EMBED_SIZES: Record<EmbedKind, { width: number; height: number }> = {
  pillars: { width: 480, height: 420 },
  outcomes: { width: 480, height: 420 },
  milestones: { width: 480, height: 300 },
  councils: { width: 480, height: 320 },
};

const COUNCIL_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function embedTargetOf(kind: string, rawId: string): EmbedTarget | null {
  switch (kind) {
    case "pillars":
    case "outcomes":
      return /^[1-6]$/.test(rawId) ? { kind, id: rawId } : null;
    case "milestones": {
      const code = codeFromPath(rawId);
      return code ? { kind, id: code } : null;
    }
    case "councils":
      return COUNCIL_SLUG.test(rawId) && rawId.length <= 100 ? { kind, id: rawId } : null;
    default:
      return null;
  }
}

/** The target of a widget's address (`/embed/pillars/3`) or of its full page's (`/pillars/3`), or null. */
export function embedTargetOfPath(path: string): EmbedTarget | null {
  const match = /^\/(?:embed\/)?([a-z]+)\/([^/]+)\/?$/.exec(path);
  return match ? embedTargetOf(match[1]!, match[2]!) : null;
}

export function embedPath(target: EmbedTarget): string {
  return `/embed/${target.kind}/${target.id}`;
}

export function fullPagePath(target: EmbedTarget): string {
  return `/${target.kind}/${target.id}`;
}
