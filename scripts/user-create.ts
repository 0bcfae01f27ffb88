// `npm run user:create -- --email jo.bloggs@education.gov.uk --role admin [--name "Jo Bloggs"] [--council thurrock]`
// Creates a staff account with a one-time password, printed here once (and nowhere else): for a first admin on a
// deployment, or to get back in when nobody can sign in as an admin. Uses DATABASE_URL, or else the embedded
// PostgreSQL of `npm start` (same data folder and port; if `npm start` is running, its server is used as it is).
// Applies any pending migrations first. The audit trail records the account as created by "command line".
import { parseArgs } from "node:util";
import { openProjectDatabase } from "./lib/database";
import { applyMigrations } from "@/lib/db/migrate.server";
import { db } from "@/lib/db/client.server";
import { createUserFromCommandLine } from "@/lib/auth/users.server";
import { inviteUserSchema } from "@/lib/validations/users";
import { ROLES } from "@/lib/vocabulary";

const USAGE = `Usage: npm run user:create -- --email <email address> --role <${ROLES.join("|")}> [--name "<full name>"] [--council <slug or GSS code>]

  --email    the person's work email address; they sign in with it
  --role     ${ROLES.join(" or ")}
  --name     their full name (default: the part of the email address before the @)
  --council  for a council editor or council lead: their council, as a slug (thurrock) or GSS code (E06000034)`;

const OPTIONS = { email: "--email", name: "--name", role: "--role", council: "--council" } as const;

class UsageError extends Error {}

function readArguments(argv: string[]): { email: string; name: string; role: string; council?: string } | "help" {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        email: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        council: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return "help";
  const missing = (["email", "role"] as const).filter((k) => !values[k]?.trim()).map((k) => OPTIONS[k]);
  if (missing.length) throw new UsageError(`Missing ${missing.join(" and ")}.`);
  const email = values.email!;
  return {
    email,
    role: values.role!.trim().toLowerCase(),
    name: values.name ?? email.trim().split("@")[0] ?? "",
    council: values.council,
  };
}

async function main(): Promise<number> {
  let input;
  try {
    input = readArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 1;
  }
  if (input === "help") {
    console.log(USAGE);
    return 0;
  }
  // Check the arguments before starting any database, so a typo is reported at once.
  const checked = inviteUserSchema.safeParse(input);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const option = OPTIONS[issue.path[0] as keyof typeof OPTIONS] ?? "error";
      console.error(`${option}: ${option === "--role" ? `must be ${ROLES.join(" or ")}` : issue.message}`);
    }
    console.error(`\n${USAGE}`);
    return 1;
  }

  const database = await openProjectDatabase((message) => console.log(message));
  process.env.DATABASE_URL = database.url;
  try {
    const applied = await applyMigrations(process.env.DATABASE_URL!);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);

    const result = await createUserFromCommandLine(checked.data);
    if (!result.ok) {
      for (const e of result.errors)
        console.error(e.field in OPTIONS ? `${OPTIONS[e.field as keyof typeof OPTIONS]}: ${e.message}` : e.message);
      return 1;
    }
    const { user, oneTimePassword } = result;
    console.log(
      [
        "",
        `Created the ${user.role} account of ${user.name} <${user.email}>.`,
        "",
        `  One-time password: ${oneTimePassword}`,
        `  It works until:    ${user.oneTimePasswordExpiresAt?.toISOString()} (72 hours); after that, reset it on the staff accounts page.`,
        "",
        "This is the only time it is shown. Give it to them securely (not in the same message as the site's address).",
        "When they sign in at /staff/sign-in with it, they must choose their own password.",
        "",
      ].join("\n"),
    );
    return 0;
  } finally {
    await Promise.resolve()
      .then(() => db().$disconnect())
      .catch(() => {});
    await database.stop().catch((error) => console.error(error));
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
