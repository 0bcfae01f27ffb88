// `npm run db:migrate` and `npm run db:seed` against DATABASE_URL (for a deployment's release step).
import { applyMigrations } from "@/lib/db/migrate.server";
import { db } from "@/lib/db/client.server";
import { loadReformData } from "@/lib/seed/load-reform-data.server";

async function main() {
  const command = process.argv[2];
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to the PostgreSQL database to use.");
  if (command === "migrate") {
    const applied = await applyMigrations(process.env.DATABASE_URL);
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database schema is up to date.");
  } else if (command === "seed") {
    await applyMigrations(process.env.DATABASE_URL);
    const result = await loadReformData(db());
    console.log(
      result.total ? `Loaded: ${JSON.stringify(result.inserted)}` : "Reform data already loaded; nothing changed.",
    );
    await db().$disconnect();
  } else {
    throw new Error(`Unknown command "${command}". Use "migrate" or "seed".`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
