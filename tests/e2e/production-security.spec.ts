import { expect, test } from "@playwright/test";
import { startAppInstance, type AppInstance } from "./support/instance";
import { E2E_DATABASE_URL, ensureStaffUser } from "./support/staff";

// An instance configured as production is: NODE_ENV=production and an https:// NEXTAUTH_URL (the load balancer ends
// TLS). Its session and CSRF cookies are Secure, HttpOnly and SameSite, with the __Secure-/__Host- prefixes; and
// nothing it logs or sends back contains a password or a password hash, whatever staff do with passwords.
const PORT = Number(process.env.E2E_PRODUCTION_PORT ?? 3103);
const ADMIN = { email: "e2e.production.admin@education.gov.uk", password: "the production admin's passphrase" };
const EDITOR = { email: "e2e.production.editor@education.gov.uk", password: "the production editor's passphrase" };
const NEW_PASSWORD = "the editor's brand new passphrase";
const WRONG_PASSWORD = "a wrong guess at the passphrase";
const BCRYPT_HASH = /\$2[aby]\$\d\d\$/;

let app: AppInstance | undefined;
/** Every response body and header the test received from the instance. */
const received: string[] = [];

test.beforeAll(async () => {
  await ensureStaffUser(ADMIN.email, ADMIN.password, "admin");
  await ensureStaffUser(EDITOR.email, EDITOR.password, "editor");
  app = await startAppInstance({
    port: PORT,
    ownerUrl: E2E_DATABASE_URL,
    login: "reform_tracker_web_production",
    env: { NEXTAUTH_URL: `https://127.0.0.1:${PORT}` },
  });
});

test.afterAll(async () => {
  await app?.stop();
});

/** fetch() against the instance, as a browser on https would talk to it, keeping what came back. */
async function call(path: string, init: RequestInit & { cookies?: Map<string, string> } = {}) {
  const headers = new Headers(init.headers);
  if (init.cookies?.size) headers.set("cookie", [...init.cookies].map(([k, v]) => `${k}=${v}`).join("; "));
  headers.set("x-forwarded-proto", "https");
  const response = await fetch(`${app!.url}${path}`, { ...init, headers, redirect: "manual" });
  const body = await response.text();
  const setCookies = response.headers.getSetCookie();
  received.push(body, JSON.stringify([...response.headers]), ...setCookies);
  for (const cookie of setCookies) {
    const [pair] = cookie.split(";");
    const [name, ...value] = pair!.split("=");
    init.cookies?.set(name!.trim(), value.join("="));
  }
  return { response, body, setCookies };
}

async function signIn(email: string, password: string) {
  const cookies = new Map<string, string>();
  const csrf = await call("/api/auth/csrf", { cookies });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const signedIn = await call("/api/auth/callback/credentials", {
    method: "POST",
    cookies,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      origin: `https://127.0.0.1:${PORT}`,
      "x-forwarded-host": `127.0.0.1:${PORT}`,
    },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/staff" }),
  });
  return { csrf, signedIn, cookies };
}

test("in production the session and CSRF cookies are Secure, HttpOnly and SameSite", async () => {
  const { csrf, signedIn, cookies } = await signIn(EDITOR.email, EDITOR.password);

  const csrfCookie = csrf.setCookies.find((c) => c.startsWith("__Host-next-auth.csrf-token="));
  expect(csrfCookie, csrf.setCookies.join("\n")).toBeDefined();
  expect(csrfCookie).toMatch(/; Secure/i);
  expect(csrfCookie).toMatch(/; HttpOnly/i);
  expect(csrfCookie).toMatch(/; SameSite=Lax/i);

  expect(signedIn.response.status).toBe(302);
  const session = signedIn.setCookies.find((c) => c.startsWith("__Secure-next-auth.session-token="));
  expect(session, signedIn.setCookies.join("\n")).toBeDefined();
  expect(session).toMatch(/; Secure/i);
  expect(session).toMatch(/; HttpOnly/i);
  expect(session).toMatch(/; SameSite=Lax/i);
  expect(session).toMatch(/; Path=\//i);
  // No cookie of this instance goes out without Secure.
  for (const cookie of [...csrf.setCookies, ...signedIn.setCookies]) expect(cookie).toMatch(/; Secure/i);

  // The Secure cookie is the one the instance reads: it lets the editor in.
  const home = await call("/staff", { cookies });
  expect(home.response.status).toBe(200);
  expect(home.body).toContain("Staff home");
});

test("a wrong password makes no session", async () => {
  const { signedIn } = await signIn(EDITOR.email, WRONG_PASSWORD);
  expect(signedIn.setCookies.some((c) => c.includes("session-token="))).toBe(false);
  expect(signedIn.response.headers.get("location") ?? "").toContain("error=");
});

test("passwords and their hashes are never logged or sent back", async ({ browser }) => {
  // Staff do everything there is to do with passwords, in a real browser on the production instance.
  const context = await browser.newContext({ baseURL: app!.url });
  const page = await context.newPage();
  // Every response's headers and (where the browser still holds it) body, and the page as shown after each step.
  const reading: Array<Promise<void>> = [];
  const shown = async () => void received.push(await page.content());
  page.on("response", (response) => {
    received.push(JSON.stringify(response.headers()));
    reading.push(
      response.text().then(
        (body) => void received.push(body),
        () => undefined,
      ),
    );
  });
  const signInAs = async (email: string, password: string) => {
    await page.goto("/staff/sign-in");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };

  await signInAs(EDITOR.email, WRONG_PASSWORD);
  await expect(page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
  await shown();
  await signInAs(EDITOR.email, EDITOR.password);
  await expect(page.getByRole("heading", { level: 1, name: "Staff home" })).toBeVisible();
  await shown();

  await page.goto("/staff/password");
  // A wrong current password, a mismatch, then the change itself.
  await page.getByLabel("Current password").fill(WRONG_PASSWORD);
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: /change password/i }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toBeVisible();
  await shown();
  await page.getByLabel("Current password").fill(EDITOR.password);
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Confirm new password").fill(`${NEW_PASSWORD}!`);
  await page.getByRole("button", { name: /change password/i }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("do not match");
  await shown();
  await page.getByLabel("Current password").fill(EDITOR.password);
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: /change password/i }).click();
  await expect(page).toHaveURL(/\/staff\?password=changed$/);
  await expect(page.getByRole("status")).toContainText("Your password has been changed");

  // An admin resets the editor's password and invites someone: the one-time password is shown to the admin, once.
  await context.clearCookies();
  await signInAs(ADMIN.email, ADMIN.password);
  await expect(page.getByRole("heading", { level: 1, name: "Staff home" })).toBeVisible();
  await page.goto("/staff/users");
  await page.getByRole("button", { name: `Reset password of ${EDITOR.email}` }).click();
  const banner = page.getByRole("alert", { name: "Success" });
  await expect(banner).toContainText("One-time password");
  const oneTimePassword = (await banner.locator("code").textContent())!.trim();
  await shown();
  await page.getByLabel("Email address").fill("e2e.production.invited@education.gov.uk");
  await page.getByLabel("Full name").fill("Invited Person");
  await page.getByRole("button", { name: "Invite user" }).click();
  await expect(page.getByRole("alert", { name: "Success" })).toContainText(
    "One-time password for e2e.production.invited@education.gov.uk",
  );
  await shown();
  await Promise.all(reading);
  await context.close();

  // The capture works: a refused request is logged (without its body, which holds a password here), and the
  // one-time password did reach the admin's page.
  const refused = await call("/staff/password", {
    method: "POST",
    headers: {
      origin: "https://attacker.example",
      "sec-fetch-site": "cross-site",
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ currentPassword: NEW_PASSWORD, newPassword: WRONG_PASSWORD }),
  });
  expect(refused.response.status).toBe(403);
  await expect.poll(() => app!.output()).toContain("refused a cross-origin POST to /staff/password");
  expect(received.join("\n")).toContain(oneTimePassword);

  const log = app!.output();
  for (const secret of [EDITOR.password, ADMIN.password, NEW_PASSWORD, WRONG_PASSWORD, oneTimePassword]) {
    expect(log, "the server log holds a password").not.toContain(secret);
  }
  expect(log).not.toMatch(BCRYPT_HASH);

  // Sent back: never a hash, and never a password someone typed (the one-time password goes to the admin only).
  const everything = received.join("\n");
  expect(everything).not.toMatch(BCRYPT_HASH);
  for (const secret of [EDITOR.password, ADMIN.password, NEW_PASSWORD, WRONG_PASSWORD]) {
    expect(everything, "a response holds a typed password").not.toContain(secret);
  }
});
