import { randomInt } from "node:crypto";
import bcrypt from "bcryptjs";

// bcrypt: slow and salted by design. Cost 12 takes about a quarter of a second here, which is what we want for a
// sign-in and is harmless for a handful of staff. Pure JavaScript, so nothing to compile on the build machines.
const COST = Number(process.env.BCRYPT_COST ?? 12);

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// No 0/O or 1/l/I, so a password read off a console can be typed without doubt.
const ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/** A random one-time password of 20 characters (about 115 bits). */
export function generateOneTimePassword(): string {
  return Array.from({ length: 20 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
}

/** A hash that no password matches, compared against when an email is unknown, so timing does not tell. */
export const UNUSABLE_HASH = "$2b$12$C6UzMDM.H6dfI/f/IKxGhuQ2KzJ0pBG6mAGpV7e9gEXXfQNHUuJ7K";
