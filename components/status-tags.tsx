import { Tag, type TagColour } from "@/components/ui/tag";
import {
  LATENESS_TAG_LABELS,
  MILESTONE_STATUS_LABELS,
  RESPONSE_CLASS_LABELS,
  type LatenessValue,
  type MilestoneStatusValue,
  type ResponseClassValue,
} from "@/lib/vocabulary";

export const MILESTONE_STATUS_COLOURS: Record<MilestoneStatusValue, TagColour> = {
  not_yet_assessed: "grey",
  not_started: "purple",
  on_track: "green",
  at_risk: "yellow",
  delayed: "red",
  complete: "blue",
  superseded: "orange",
};

export const RESPONSE_CLASS_COLOURS: Record<ResponseClassValue, TagColour> = {
  accepted: "green",
  accepted_in_principle: "turquoise",
  testing: "blue",
  consulting: "yellow",
  not_accepted: "red",
};

export function MilestoneStatusTag({ status }: { status: MilestoneStatusValue }) {
  return <Tag colour={MILESTONE_STATUS_COLOURS[status]}>{MILESTONE_STATUS_LABELS[status]}</Tag>;
}

export function ResponseClassTag({ responseClass }: { responseClass: ResponseClassValue }) {
  return <Tag colour={RESPONSE_CLASS_COLOURS[responseClass]}>{RESPONSE_CLASS_LABELS[responseClass]}</Tag>;
}

/**
 * An overdue milestone's second tag. Red "Overdue" only when staff have assessed it and it is late; a date that passed
 * before anyone assessed the milestone is "Date passed", so a list of unassessed milestones does not read as broken.
 */
export function OverdueTag({ lateness }: { lateness: LatenessValue | null }) {
  if (!lateness) return null;
  return <Tag colour={lateness === "assessed_late" ? "red" : "orange"}>{LATENESS_TAG_LABELS[lateness]}</Tag>;
}
