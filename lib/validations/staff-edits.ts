import { z } from "@/lib/validations/zod";
import { withoutControlCharacters, withoutDirectionControls } from "@/lib/validations/text";
import { MILESTONE_GROUPS, RESPONSE_CLASSES } from "@/lib/vocabulary";
import { isPlausibleDay } from "@/lib/dates";
import { RECOMMENDATION_CODE } from "@/lib/reform/codes";
import { requiredReason } from "@/lib/validations/reason";

// Rules for the other staff edits: correcting a response class, and adding a milestone.

export const reclassifySchema = z.object({
  code: z.string().trim().regex(RECOMMENDATION_CODE, "Unknown recommendation"),
  version: z.coerce.number().int().positive("The form is out of date: reload the page"),
  responseClass: z.enum(RESPONSE_CLASSES, { message: "Select how the government responded" }),
  rationale: z
    .string()
    .trim()
    .min(10, "Enter a rationale of at least 10 characters, quoting the words of the response that decide the class")
    .max(1000, "The rationale must be 1000 characters or fewer")
    .refine(...withoutControlCharacters("The rationale"))
    .refine(...withoutDirectionControls("The rationale")),
  reason: requiredReason("Enter the reason for this correction"),
});

const numberList = (max: number, label: string) =>
  z.array(z.coerce.number().int().min(1).max(max)).min(1, `Select at least one ${label}`);

export const newMilestoneSchema = z.object({
  group: z.enum(MILESTONE_GROUPS, { message: "Select a group" }),
  activity: z
    .string()
    .trim()
    .min(1, "Enter the activity")
    .max(300, "The activity must be 300 characters or fewer")
    .refine(...withoutControlCharacters("The activity"))
    .refine(...withoutDirectionControls("The activity")),
  title: z
    .string()
    .trim()
    .min(1, "Enter the milestone")
    .max(300, "The milestone must be 300 characters or fewer")
    .refine(...withoutControlCharacters("The milestone"))
    .refine(...withoutDirectionControls("The milestone")),
  dueDate: z.string().trim().refine(isPlausibleDay, "Due date must be a real date, like 2026-03-31"),
  pillars: numberList(6, "pillar"),
  outcomes: numberList(6, "outcome or enabler"),
  recommendations: z
    .array(z.string().trim().regex(RECOMMENDATION_CODE, "Recommendation codes look like CR-01, CPE-02 or CMA-03"))
    .max(50, "Link at most 50 recommendations"),
  reason: requiredReason("Enter why this milestone is being added"),
});

export type NewMilestoneInput = z.input<typeof newMilestoneSchema>;
