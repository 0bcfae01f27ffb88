import { z } from "@/lib/validations/zod";
import { withoutControlCharacters, withoutDirectionControls } from "@/lib/validations/text";
import { isPlausibleDay } from "@/lib/dates";
import { requiredReason } from "@/lib/validations/reason";

// Rules for recording a national programme and the councils that take part (issue 15, item 2). Shared by the staff
// forms' Server Actions and lib/staff/programmes.server.ts; the programme filter of /councils is in councils.ts.

export const PROGRAMME_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const PROGRAMME_SLUG_MAX = 80;
/** A milestone code as staff type it when linking one. */
const MILESTONE_CODE = /^M-\d{1,6}$/;
/** A council as staff name it: its slug (thurrock) or its GSS code (E06000034). */
const COUNCIL_KEY = /^([a-z0-9]+(-[a-z0-9]+)*|E\d{8})$/i;

const text = (label: string, max: number, missing: string) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .max(max, `${label} must be ${max} characters or fewer`)
    .refine(...withoutControlCharacters(label))
    .refine(...withoutDirectionControls(label));

const day = (label: string) =>
  z.string().trim().refine(isPlausibleDay, `${label} must be a real date, like 2026-03-31`);
const optionalDay = (label: string) =>
  z
    .string()
    .trim()
    .refine((s) => s === "" || isPlausibleDay(s), `${label} must be a real date, like 2026-03-31, or left empty`)
    .transform((s) => (s === "" ? null : s));

const version = z.coerce.number().int().positive("The form is out of date: reload the page");
const programmeSlug = z
  .string()
  .trim()
  .max(PROGRAMME_SLUG_MAX, "Unknown programme")
  .regex(PROGRAMME_SLUG, "Unknown programme");

const details = {
  name: text("The name", 200, "Enter the programme's name"),
  description: text("The description", 2000, "Enter what the programme is, in plain English"),
  startedOn: optionalDay("Start date"),
  endedOn: optionalDay("End date"),
};
const datesInOrder = (p: { startedOn: string | null; endedOn: string | null }) =>
  !p.startedOn || !p.endedOn || p.endedOn >= p.startedOn;
const DATES_MESSAGE = { message: "The end date must be on or after the start date", path: ["endedOn"] };

export const newProgrammeSchema = z
  .object({
    slug: z
      .string()
      .trim()
      .min(1, "Enter the programme's web address, for example families-first-pathfinder")
      .max(PROGRAMME_SLUG_MAX, `The web address must be ${PROGRAMME_SLUG_MAX} characters or fewer`)
      .regex(
        PROGRAMME_SLUG,
        "Use lower-case letters and digits in words joined by hyphens, like families-first-pathfinder",
      ),
    ...details,
    reason: requiredReason("Enter why this programme is being recorded"),
  })
  .refine(datesInOrder, DATES_MESSAGE);

export const programmeDetailsSchema = z
  .object({ programme: programmeSlug, version, ...details, reason: requiredReason("Enter the reason for this change") })
  .refine(datesInOrder, DATES_MESSAGE);

export const programmeMilestonesSchema = z.object({
  programme: programmeSlug,
  version,
  milestones: z
    .array(z.string().trim().toUpperCase().regex(MILESTONE_CODE, "Milestone codes look like M-01 or M-30"))
    .max(100, "Link at most 100 milestones"),
  reason: requiredReason("Enter the reason for this change"),
});

export const addProgrammeCouncilSchema = z
  .object({
    programme: programmeSlug,
    version,
    council: z
      .string()
      .trim()
      .min(1, "Enter the council's web address name or GSS code, for example thurrock or E06000034")
      .max(100, "No council has this name or code")
      .regex(COUNCIL_KEY, "Enter the council's web address name or GSS code, for example thurrock or E06000034"),
    from: day("The date it joined"),
    until: optionalDay("The date it left"),
    reason: requiredReason("Enter the reason for this change"),
  })
  .refine((c) => !c.until || c.until >= c.from, {
    message: "The date it left must be on or after the date it joined",
    path: ["until"],
  });

export const endProgrammeCouncilSchema = z
  .object({
    programme: programmeSlug,
    version,
    council: z
      .string()
      .trim()
      .regex(/^E\d{8}$/, "Unknown council"),
    from: day("The date it joined"),
    until: day("The date it left"),
    reason: requiredReason("Enter the reason for this change"),
  })
  .refine((c) => c.until >= c.from, {
    message: "The date it left must be on or after the date it joined",
    path: ["until"],
  });
