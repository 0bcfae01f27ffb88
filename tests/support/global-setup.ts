// One embedded PostgreSQL server for the whole run, in a fresh temporary folder that is deleted afterwards.
// A template database is migrated once; each test file then gets its own copy (see tests/support/database.ts).
import type { TestProject } from "vitest/node";
import {
  connectionUrl,
  createDatabaseIfMissing,
  findFreePort,
  startEmbeddedPostgres,
} from "@/lib/db/embedded-postgres.server";
import { applyMigrations } from "@/lib/db/migrate.server";

export const TEMPLATE_DATABASE = "reform_tracker_template";

declare module "vitest" {
  export interface ProvidedContext {
    postgresPort: number;
  }
}

export default async function setup(project: TestProject) {
  const port = process.env.TEST_PG_PORT ? Number(process.env.TEST_PG_PORT) : await findFreePort();
  const server = await startEmbeddedPostgres({ ephemeral: true, port, database: TEMPLATE_DATABASE });
  await applyMigrations(connectionUrl(port, TEMPLATE_DATABASE));
  await createDatabaseIfMissing(server.adminUrl, "postgres");
  project.provide("postgresPort", port);
  return async () => {
    await server.stop();
  };
}
