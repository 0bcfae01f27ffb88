import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Tells whoever started the app how to sign in as the first admin. The one-time password is shown once: the database
 * keeps only its bcrypt hash, and it must be changed at the first sign-in. It is printed only to a terminal: output
 * that is not one is likely kept in a log, so then it goes to a file only its owner can read (or, for a throwaway
 * database, nowhere).
 */
export function announceFirstAdmin(
  admin: { email: string; oneTimePassword: string; expiresAt: Date },
  where: { terminal: boolean; throwaway: boolean; dataFolder: string; signInUrl: string },
  log: (line: string) => void,
): void {
  log("created the first admin account (there were no accounts)");
  log(`  email:             ${admin.email}`);
  if (where.terminal) {
    log(`  one-time password: ${admin.oneTimePassword}`);
  } else if (where.throwaway) {
    log("  one-time password: not shown (a throwaway database, and this output is not a terminal)");
  } else {
    const file = path.join(where.dataFolder, "first-admin-password");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${admin.oneTimePassword}\n`, { mode: 0o600 });
    chmodSync(file, 0o600); // the mode above applies only to a new file
    log(`  one-time password: in ${file} (not printed, as this output is not a terminal); delete it after use`);
  }
  log(`  it works until ${admin.expiresAt.toISOString()}; after that, run \`npm run user:create\` for another admin`);
  log(`  sign in at ${where.signInUrl} and choose a new password`);
}
