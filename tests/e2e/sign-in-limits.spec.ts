import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { E2E_DATABASE_URL, ensureStaffUser } from "./support/staff";

// The per-address sign-in limit counts the address the front server saw on the socket (TRUSTED_PROXIES is 0 under
// `npm start`), never an X-Forwarded-For the client wrote: one client rotating that header through new addresses,
// with a new email each time (so the per-account limit never applies), is still stopped after 20 failures, even
// with a correct password. The attempts are removed afterwards, so the other tests can sign in from this address.
const EDITOR = { email: "e2e.spray.target@education.gov.uk", password: "the spray target's passphrase" };
const SPRAY = "e2e.spray.";
// lib/auth/sign-in.server.ts (server-only, so not imported here).
const MAX_FAILURES_PER_ADDRESS = 20;
const TOO_MANY_ATTEMPTS = "Too many attempts to sign in. Wait 15 minutes, then try again.";

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

test.afterAll(async () => {
  await query("DELETE FROM sign_in_attempt WHERE email LIKE $1", [`${SPRAY}%`]);
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
    "SELECT count(*)::int AS failures FROM sign_in_attempt WHERE ip = $1 AND NOT succeeded AND occurred_at > now() - interval '15 minutes'",
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
