// `npm run db:export -- --out backup.json`   writes the whole tracker to one JSON file (lib/db/backup.server.ts)
// `npm run db:import -- --in backup.json`    restores such a file into an EMPTY database
// Uses DATABASE_URL, or else the embedded PostgreSQL of `npm start` (same data folder, port and database; if
// `npm start` is running, its server is used as it is, otherwise it is started for the command and stopped after).
// Import applies the migrations first, refuses a database that has any tracker rows, and writes everything in one
// transaction. Imported accounts have no password: create an admin with `npm run user:create`, who then resets the
// others' passwords on the Staff accounts page (see docs/deployment.md, "Backups").
import { chmod, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { BackupImportError, exportBackup, importBackup, parseBackup, serialiseBackup } from "@/lib/db/backup.server";
import { openProjectDatabase } from "./lib/database";

const USAGE = `Usage:
  npm run db:export -- --out <file.json>    write the whole tracker to a JSON file ("-" for standard output)
  npm run db:import -- --in <file.json>     restore a JSON backup into an empty database`;

class UsageError extends Error {}

function readArguments(argv: string[]) {
  const [command, ...rest] = argv;
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { out: { type: "string" }, in: { type: "string" }, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return "help" as const;
  if (command === "export") {
    if (!values.out) throw new UsageError("Missing --out <file.json>.");
    return { command, file: values.out } as const;
  }
  if (command === "import") {
    if (!values.in) throw new UsageError("Missing --in <file.json>.");
    return { command, file: values.in } as const;
  }
  throw new UsageError(`Unknown command "${command ?? ""}". Use "export" or "import".`);
}

/** Messages go to standard error, so that `--out -` leaves standard output to the backup itself. */
function log(message: string) {
  console.error(`[db-backup] ${message}`);
}

async function main(): Promise<number> {
  let args;
  try {
    args = readArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 1;
  }
  if (args === "help") {
    console.log(USAGE);
    return 0;
  }

  // Read the file before starting any database, so a wrong path or a broken file is reported at once.
  const document = args.command === "import" ? parseBackup(await readFile(path.resolve(args.file), "utf8")) : undefined;

  const database = await openProjectDatabase(log);
  const url = database.url;
  try {
    if (args.command === "export") {
      const backup = await exportBackup(url);
      const text = serialiseBackup(backup);
      if (args.file === "-") process.stdout.write(text);
      else {
        await writeFile(path.resolve(args.file), text, { mode: 0o600 });
        await chmod(path.resolve(args.file), 0o600); // the mode above applies only to a new file
      }
      const counts = backup.tables.map((t) => `${t.name} ${t.rows.length}`).join(", ");
      log(`exported ${args.file === "-" ? "to standard output" : `to ${args.file}`}: ${counts}`);
      return 0;
    }

    try {
      const result = await importBackup(url, document!);
      if (result.migrationsApplied.length) log(`applied migrations: ${result.migrationsApplied.join(", ")}`);
      log(
        `imported ${args.file}: ${Object.entries(result.rows)
          .map(([t, n]) => `${t} ${n}`)
          .join(", ")}`,
      );
      log(
        "Imported accounts have no password. Create an admin with `npm run user:create -- --email <email> --role admin`,",
      );
      log("sign in with its one-time password, and reset the other accounts' passwords at /staff/users.");
      return 0;
    } catch (error) {
      if (error instanceof BackupImportError) {
        console.error(`Import refused: ${error.message}`);
        return 1;
      }
      throw error;
    }
  } finally {
    await database.stop().catch((error) => console.error(error));
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(
      error instanceof BackupImportError
        ? `Import refused: ${error.message}`
        : error instanceof Error
          ? error.message
          : error,
    );
    process.exit(1);
  },
);
