import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// Prisma 6.19 with the JavaScript (WebAssembly) schema engine: the native engines are downloaded from the
// vendor's host on first use, which our offline build machines cannot reach (see docs/toolchain.md).
// Migrations are generated with `prisma migrate diff` and applied by lib/db/migrate.server.ts, so the CLI
// only connects to a database when someone runs a migrate command by hand.
// The CLI resolves env("DATABASE_URL") even for `generate`, which never connects: give it a placeholder.
process.env.DATABASE_URL ??= "postgresql://localhost:5432/unused";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
});
