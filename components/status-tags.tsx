import { Tag, type TagColour } from "@/components/ui/tag";
import {
  MILESTONE_STATUS_LABELS,
  RESPONSE_CLASS_LABELS,
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

export function OverdueTag() {
  return <Tag colour="red">Overdue</Tag>;
}
