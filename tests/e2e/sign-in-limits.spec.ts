import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_URL, ensureStaffUser, signIn as staffSignIn } from "./support/staff";

// The per-address sign-in limit counts the address the front server saw on the socket (TRUSTED_PROXIES is 0 under
// `npm start`), never an X-Forwarded-For the client wrote: one client rotating that header through new addresses,
// with a new email each time (so the per-account limit never applies), is still stopped after 20 failures, even
// with a correct password. The attempts are removed afterwards, so the other tests can sign in from this address.
const EDITOR = { email: "e2e.spray.target@education.gov.uk", password: "the spray target's passphrase" };
const SPRAY = "e2e.spray.";
// lib/auth/sign-in.server.ts (server-only, so not imported here).
const MAX_FAILURES_PER_ADDRESS = 20;
const TOO_MANY_ATTEMPTS =
  "Too many attempts to sign in. Wait 15 minutes, then try again. If this is your account, you can still sign in on a computer you have signed in on before, or ask an administrator to lift the lock (a council editor can also ask their council lead).";

/** Rows of a query on the e2e database; `Rows` may say how many are certain to come back. */
async function query<T extends pg.QueryResultRow, Rows extends T[] = T[]>(
  sql: string,
  values: unknown[] = [],
): Promise<Rows> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows as Rows;
  } finally {
    await client.end();
  }
}

/** A sign-in as next-auth's own form posts it; the message next-auth passes back, or "signed in". */
async function signIn(request: APIRequestContext, email: string, password: string, forwardedFor: string) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/staff" },
    headers: { "x-forwarded-for": forwardedFor },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  const location = new URL(response.headers()["location"] ?? "", "http://x");
  return location.searchParams.get("error") ?? "signed in";
}

// After each test, so that neither test's failures from this address count in the other or in later files.
test.afterEach(async () => {
  await query("DELETE FROM sign_in_attempt WHERE email LIKE $1 OR email LIKE $2", [`${SPRAY}%`, "e2e.lockout.%"]);
});

test("rotating X-Forwarded-For does not get round the per-address limit", async ({ request }) => {
  await ensureStaffUser(EDITOR.email, EDITOR.password, "editor");
  // The first failure shows which address the app counts; failures other tests made from it in the last
  // 15 minutes count too.
  expect(await signIn(request, `${SPRAY}0@example.com`, "wrong", "10.66.0.0")).not.toBe(TOO_MANY_ATTEMPTS);
  const [{ ip }] = await query<{ ip: string }, [{ ip: string }]>("SELECT ip FROM sign_in_attempt WHERE email = $1", [
    `${SPRAY}0@example.com`,
  ]);
  expect(ip).not.toMatch(/^10\.66\./);
  const [{ failures }] = await query<{ failures: number }, [{ failures: number }]>(
    "SELECT count(*)::int AS failures FROM sign_in_attempt WHERE ip = $1 AND checked AND NOT succeeded AND occurred_at > now() - interval '15 minutes'",
    [ip],
  );
  expect(failures).toBeLessThan(MAX_FAILURES_PER_ADDRESS);

  for (let n = failures + 1; n <= MAX_FAILURES_PER_ADDRESS; n++) {
    const answer = await signIn(request, `${SPRAY}${n}@example.com`, "wrong", `10.66.0.${n}`);
    expect(answer, `failure ${n}`).not.toBe(TOO_MANY_ATTEMPTS);
  }
  // The 21st try, from yet another "address" and with a correct password, is refused: the address is locked.
  expect(await signIn(request, EDITOR.email, EDITOR.password, "10.66.0.254")).toBe(TOO_MANY_ATTEMPTS);
  // Every attempt was counted under the socket's address, none under what the client wrote.
  const addresses = await query<{ ip: string }>("SELECT DISTINCT ip FROM sign_in_attempt WHERE email LIKE $1", [
    `${SPRAY}%`,
  ]);
  expect(addresses).toEqual([{ ip }]);
});

// Decision 0013: guesses from elsewhere lock out unknown clients only. A browser that has signed in to the account
// holds a device cookie (sent to next-auth's routes only) and keeps its own budget; an administrator sees the lock
// on the users page and can lift it.
test("an attacker cannot lock a member of staff out of their own browser, and an admin can lift the lock", async ({
  browser,
}) => {
  const OWNER = { email: "e2e.lockout.owner@education.gov.uk", password: "the lock-out owner's passphrase" };
  const ADMIN = { email: "e2e.lockout.admin@education.gov.uk", password: "the lock-out admin's passphrase" };
  await ensureStaffUser(OWNER.email, OWNER.password, "editor");
  await ensureStaffUser(ADMIN.email, ADMIN.password, "admin");
  await query("DELETE FROM sign_in_attempt WHERE email = $1", [OWNER.email]);
  await query("UPDATE app_user SET sign_in_lock_lifted_at = NULL WHERE email = $1", [OWNER.email]);

  const owner = await browser.newContext();
  const ownerPage = await owner.newPage();
  await staffSignIn(ownerPage, OWNER.email, OWNER.password);
  const [device] = (await owner.cookies()).filter((c) => c.name === "reform-tracker.device");
  expect(device).toMatchObject({ path: "/api/auth", httpOnly: true, sameSite: "Lax" });
  expect(device!.expires).toBeGreaterThan(Date.now() / 1000 + 300 * 86_400);
  // Not sent with public pages: nothing about it can reach what the front server stores.
  expect((await owner.cookies(new URL("/", ownerPage.url()).toString())).map((c) => c.name)).not.toContain(
    "reform-tracker.device",
  );
  await ownerPage.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(ownerPage).toHaveURL(/\/$/);

  // Someone else spends the account's budget for clients it does not know, and a little more.
  const attacker = await browser.newContext();
  for (let i = 0; i < 8; i++) await signIn(attacker.request, OWNER.email, `a guess ${i}`, "10.66.1.1");
  expect(await signIn(attacker.request, OWNER.email, OWNER.password, "10.66.1.1")).toBe(TOO_MANY_ATTEMPTS);

  // The owner, in the browser they signed in with before, still gets in.
  await staffSignIn(ownerPage, OWNER.email, OWNER.password);

  // An admin sees the lock and lifts it; then the right password works from anywhere again.
  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await staffSignIn(adminPage, ADMIN.email, ADMIN.password);
  await adminPage.goto("/staff/users");
  const row = adminPage.getByRole("row").filter({ hasText: OWNER.email });
  await expect(row.getByText("Sign-in locked")).toBeVisible();
  await row.getByRole("button", { name: `Lift sign-in lock of ${OWNER.email}` }).click();
  await expect(adminPage.locator("#users-result")).toContainText(`The sign-in lock on ${OWNER.email} has been lifted`);
  await adminPage.reload();
  await expect(adminPage.getByRole("row").filter({ hasText: OWNER.email }).getByText("Sign-in locked")).toHaveCount(0);
  const [{ action }] = await query<{ action: string }, [{ action: string }]>(
    "SELECT action FROM audit_event WHERE entity_type = 'user' AND entity_code = $1 ORDER BY id DESC LIMIT 1",
    [OWNER.email],
  );
  expect(action).toBe("sign_in_lock_lift");
  expect(await signIn(attacker.request, OWNER.email, OWNER.password, "10.66.1.1")).toBe("signed in");
  await Promise.all([owner.close(), attacker.close(), admin.close()]);
});
