import { expect, type Page } from "@playwright/test";
import pg from "pg";
import { connectionUrl } from "@/lib/db/embedded-postgres.server";
import { hashPassword } from "@/lib/auth/passwords.server";

// The end-to-end server runs on a throwaway embedded PostgreSQL (see playwright.config.ts); tests add the staff
// accounts they need straight into it, as an administrator would with `npm run user:create`.
export const E2E_DATABASE_URL = connectionUrl(Number(process.env.E2E_PG_PORT ?? 54390), "reform_tracker");

/** A staff account with a chosen password; a council account (council_editor, council_lead) names its council's slug. */
export async function ensureStaffUser(
  email: string,
  password: string,
  role: "admin" | "editor" | "council_editor" | "council_lead" = "editor",
  council?: string,
) {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    const hash = await hashPassword(password);
    await client.query(
      `INSERT INTO app_user (email, name, role, password_hash, active, must_change_password, council_id)
       VALUES ($1, $2, $3::"Role", $4, true, false, (SELECT id FROM council WHERE slug = $5))
       ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, active = true`,
      [email, email.split("@")[0], role, hash, council ?? null],
    );
  } finally {
    await client.end();
  }
}

/** Signs in through the form; `landing` is the heading of the page the account lands on (a council's, for council accounts). */
export async function signIn(page: Page, email: string, password: string, landing: string | RegExp = "Staff home") {
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: landing })).toBeVisible();
}
