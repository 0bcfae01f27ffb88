// Text people type never holds control characters (tab and line breaks aside), and PostgreSQL cannot store the NUL
// character in text at all: such input is refused with a message, rather than failing at the database.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_CHARACTERS_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}

/** Arguments for zod's `.refine()`: refuses control characters, naming the field. */
export function withoutControlCharacters(field: string): [(text: string) => boolean, string] {
  return [
    (text) => !hasControlCharacters(text),
    `${field} must not contain hidden control characters: type or paste it again`,
  ];
}

/** Replaces control characters with U+FFFD, for text used only to look something up (it then matches nothing). */
export function neutraliseControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS_ALL, "\uFFFD");
}
