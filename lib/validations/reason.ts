import { z } from "@/lib/validations/zod";
import {
  hasControlCharacters,
  hasDirectionControls,
  withoutControlCharacters,
  withoutDirectionControls,
} from "@/lib/validations/text";

// The reason for a staff change is published: it is what a reader of a milestone's or a recommendation's history
// sees next to the change, the only account of why it was made. "x", "typo" or "update" tells them nothing, and was
// accepted. A reason must be at least a short sentence: 20 characters and 3 words ("Forecast moved after the
// consultation" is 38 and 5). Both, because either alone lets through a non-answer ("aaaaaaaaaaaaaaaaaaaaaa" is 22
// characters; "x y z" is 3 words). One rule, for the forms and the CSV import alike.

export const REASON_RULE = { minCharacters: 20, minWords: 3, maxCharacters: 1000 } as const;

/** Words: runs of letters or digits, so punctuation and stray symbols are not counted. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

export function isShortSentence(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length >= REASON_RULE.minCharacters && countWords(trimmed) >= REASON_RULE.minWords;
}

export const REASON_TOO_SHORT_MESSAGE = `Write the reason as a short sentence, at least ${REASON_RULE.minCharacters} characters and ${REASON_RULE.minWords} words: it is published with the change, for the public to read`;

const reasonText = () =>
  z
    .string()
    .trim()
    .max(REASON_RULE.maxCharacters, `The reason must be ${REASON_RULE.maxCharacters} characters or fewer`)
    .refine(...withoutControlCharacters("The reason"))
    .refine(...withoutDirectionControls("The reason"));

/** True unless the reason is given, has no other problem, and is too short: one message per problem. */
const sentenceOrOtherProblem = (s: string) =>
  s === "" ||
  s.length > REASON_RULE.maxCharacters ||
  hasControlCharacters(s) ||
  hasDirectionControls(s) ||
  isShortSentence(s);

/** A reason that must be given (`missing` says what to enter), as a short sentence. */
export function requiredReason(missing: string) {
  return reasonText().min(1, missing).refine(sentenceOrOtherProblem, REASON_TOO_SHORT_MESSAGE);
}

/** A reason that may be left empty (then null; the caller decides when one is needed), a short sentence when given. */
export function optionalReason() {
  return reasonText()
    .refine(sentenceOrOtherProblem, REASON_TOO_SHORT_MESSAGE)
    .transform((s) => (s === "" ? null : s));
}
