import { formatDay } from "@/lib/dates";
import {
  MILESTONE_STATUS_LABELS,
  RESPONSE_CLASS_LABELS,
  type ChangeKind,
  type MilestoneStatusValue,
  type ResponseClassValue,
} from "@/lib/vocabulary";

// A published change in plain English, written once for the three places that show it: the /changes page, the
// Atom feeds and the briefing pack (its page and its PDF). A change is one kind of ChangeItem from
// lib/scrutiny/changes.server.ts; what `from` and `to` hold depends on the kind (see there).

export interface ChangeFacts {
  kind: ChangeKind;
  from: string | null;
  to: string | null;
}

// A code the vocabulary no longer has (an old audit record) is shown as stored rather than hidden.
const status = (s: string | null) => (s ? (MILESTONE_STATUS_LABELS[s as MilestoneStatusValue] ?? s) : "no status");
const responseClass = (c: string | null) =>
  c ? (RESPONSE_CLASS_LABELS[c as ResponseClassValue] ?? c) : "not classified";

/** What changed, as a phrase for a table cell: "Planned date moved later, from 31 March 2024 to 31 March 2025". */
export function describeChange(c: ChangeFacts): string {
  switch (c.kind) {
    case "completed":
      return c.to ? `Completed on ${formatDay(c.to)}` : "Marked complete";
    case "at_risk_or_delayed":
      return c.from ? `Status changed from ${status(c.from)} to ${status(c.to)}` : `Status set to ${status(c.to)}`;
    case "slipped":
      return `Planned date moved later, from ${formatDay(c.from)} to ${formatDay(c.to)}`;
    case "brought_forward":
      return `Planned date brought forward, from ${formatDay(c.from)} to ${formatDay(c.to)}`;
    case "reclassified":
      if (c.from === c.to) return `Rationale reworded (still ${responseClass(c.to)})`;
      return c.from
        ? `Response class changed from ${responseClass(c.from)} to ${responseClass(c.to)}`
        : `Response class set to ${responseClass(c.to)}`;
    case "added":
      return c.to ? `Added, due ${formatDay(c.to)}` : "Added";
    case "other":
      return "Commentary, evidence or status updated";
  }
}

/** What changed and why, as sentences for running text (a feed entry, a line of the briefing). */
export function describeChangeWithReason(c: ChangeFacts & { reason: string | null }): string {
  return `${describeChange(c)}.${c.reason ? ` Reason: ${c.reason}` : ""}`;
}

/** The first line of a milestone's or recommendation's title as a sentence, to stand before the change. */
export function titleSentence(title: string): string {
  const line = title.split("\n")[0]!.trim();
  return /[.!?]$/.test(line) ? line : `${line}.`;
}

/**
 * A short title for a list: a milestone's first line, or a recommendation's first sentence cut at a word boundary
 * (a CMA recommendation runs to a paragraph; its whole text is on its own page).
 */
export function shortTitle(title: string, max = 90): string {
  const line = title.split("\n")[0]!.trim();
  const sentence = /^(.+?[.!?])(\s|$)/.exec(line)?.[1] ?? line;
  if (sentence.length <= max) return sentence;
  const cut = sentence.lastIndexOf(" ", max - 1);
  return `${sentence.slice(0, cut > 0 ? cut : max - 1).replace(/[,;:]$/, "")}…`;
}

/** The public page of what changed: a milestone, a recommendation, or a council's local action. */
export function changePath(c: {
  entityType: "milestone" | "recommendation" | "local_action";
  code: string;
  council: { slug: string } | null;
}): string {
  if (c.entityType === "local_action" && c.council)
    return `/councils/${encodeURIComponent(c.council.slug)}/actions/${encodeURIComponent(c.code)}`;
  return `/${c.entityType === "milestone" ? "milestones" : "recommendations"}/${encodeURIComponent(c.code)}`;
}

/** Who published a change: DfE, or the council whose local action it is (never a person). */
export function publishedBy(c: { council: { name: string } | null }): string {
  return c.council ? c.council.name : "DfE";
}
