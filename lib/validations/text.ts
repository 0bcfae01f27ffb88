// Text people type never holds control characters (tab and line breaks aside), and PostgreSQL cannot store the NUL
// character in text at all: such input is refused with a message, rather than failing at the database.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_CHARACTERS_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

// The invisible controls of the Unicode bidirectional algorithm: the Arabic letter mark, the left-to-right and
// right-to-left marks, the embeddings and overrides (U+202A–U+202E) and the isolates (U+2066–U+2069). One of them
// in a reason or a title reorders the text after it as it is shown ("\u202Egnp.exe" reads "exe.png"), so what a
// reader sees is not what was written (CVE-2021-42574, "Trojan Source"). Free text refuses them; text stored before
// it did is shown with each one replaced by U+FFFD, visibly.
const DIRECTION_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const DIRECTION_CONTROLS_ALL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

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

export function hasDirectionControls(text: string): boolean {
  return DIRECTION_CONTROLS.test(text);
}

/** Arguments for zod's `.refine()`: refuses invisible direction controls in free text, naming the field. */
export function withoutDirectionControls(field: string): [(text: string) => boolean, string] {
  return [
    (text) => !hasDirectionControls(text),
    `${field} must not contain invisible characters that change the direction of text (such as a right-to-left mark): type it again rather than pasting it`,
  ];
}

/** Stored text as it may be shown: each invisible direction control replaced with U+FFFD. */
export function neutraliseDirectionControls(text: string): string {
  return text.replace(DIRECTION_CONTROLS_ALL, "\uFFFD");
}

/**
 * A value read for showing (a page's data, an API answer, the briefing) with every string in it, however deep,
 * passed through neutraliseDirectionControls.
 */
export function withDirectionControlsNeutralised<T>(value: T): T {
  return mapStrings(value, neutraliseDirectionControls);
}

/** A copy of `value` with `change` applied to every string in it, however deep in arrays and plain objects; anything
 * else (dates, numbers) is kept as it is. */
export function mapStrings<T>(value: T, change: (text: string) => string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return change(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object") {
      const prototype: unknown = Object.getPrototypeOf(v);
      if (prototype !== Object.prototype && prototype !== null) return v;
      return Object.fromEntries(Object.entries(v).map(([key, x]) => [key, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}
