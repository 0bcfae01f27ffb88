import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { ensureStaffUser, signIn } from "./support/staff";

// Sessions can be ended (migration 0006): a cookie saved before sign-out, a password change or "sign out everywhere"
// no longer works, on the session endpoint or on a staff download, and the cookie is not renewed for ever.

const EDITOR = { email: "e2e.sessions.editor@education.gov.uk", password: "a long sessions passphrase" };
const ADMIN = { email: "e2e.sessions.admin@education.gov.uk", password: "another long sessions passphrase" };

test.beforeEach(async () => {
  await ensureStaffUser(EDITOR.email, EDITOR.password, "editor");
  await ensureStaffUser(ADMIN.email, ADMIN.password, "admin");
});

/** Signs in in a context of its own and returns its session cookie, as someone could have copied it. */
async function signedInCookie(browser: Browser, account: { email: string; password: string }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account.email, account.password);
  const cookie = (await context.cookies()).find((c) => c.name.endsWith("next-auth.session-token"))!;
  return { context, page, cookie: `${cookie.name}=${cookie.value}` };
}

async function works(request: APIRequestContext, cookie: string): Promise<boolean> {
  const session = await (await request.get("/api/auth/session", { headers: { cookie } })).json();
  const download = await request.get("/api/staff/milestones/export", { headers: { cookie }, maxRedirects: 0 });
  expect(Boolean(session.userId)).toBe(download.status() === 200);
  return download.status() === 200;
}

test("a cookie saved before sign-out no longer works; another session of the same account does", async ({
  browser,
  request,
}) => {
  const kept = await signedInCookie(browser, EDITOR);
  const leaving = await signedInCookie(browser, EDITOR);
  expect(await works(request, leaving.cookie)).toBe(true);
  await leaving.page.goto("/staff");
  await leaving.page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(leaving.page).toHaveURL(/\/$/);
  expect(await works(request, leaving.cookie)).toBe(false);
  expect(await works(request, kept.cookie)).toBe(true);
  await kept.context.close();
  await leaving.context.close();
});

test("a password change ends the account's other sessions and keeps the one that made it", async ({
  browser,
  request,
}) => {
  await ensureStaffUser(EDITOR.email, EDITOR.password, "editor");
  const other = await signedInCookie(browser, EDITOR);
  const changer = await signedInCookie(browser, EDITOR);
  await changer.page.goto("/staff/password");
  await changer.page.getByLabel("Current password").fill(EDITOR.password);
  await changer.page.getByLabel("New password", { exact: true }).fill("a new long sessions passphrase");
  await changer.page.getByLabel("Confirm new password").fill("a new long sessions passphrase");
  await changer.page.getByRole("button", { name: /change password/i }).click();
  await expect(changer.page.getByRole("status")).toContainText("Your password has been changed");
  expect(await works(request, other.cookie)).toBe(false);
  expect(await works(request, changer.cookie)).toBe(true);
  await other.context.close();
  await changer.context.close();
});

test("sign out everywhere, by the person or by an admin, ends every session of the account", async ({
  browser,
  request,
}) => {
  const laptop = await signedInCookie(browser, EDITOR);
  const phone = await signedInCookie(browser, EDITOR);
  await phone.page.goto("/staff");
  await phone.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(phone.page.getByRole("status")).toContainText("You have been signed out everywhere");
  expect(await works(request, laptop.cookie)).toBe(false);
  expect(await works(request, phone.cookie)).toBe(false);

  const again = await signedInCookie(browser, EDITOR);
  const admin = await signedInCookie(browser, ADMIN);
  await admin.page.goto("/staff/users");
  await admin.page.getByRole("button", { name: `Sign out everywhere ${EDITOR.email}` }).click();
  await expect(admin.page.getByRole("alert", { name: "Success" })).toContainText(
    "Signed out everywhere: 1 session ended",
  );
  expect(await works(request, again.cookie)).toBe(false);
  expect(await works(request, admin.cookie)).toBe(true);
  for (const c of [laptop, phone, again, admin]) await c.context.close();
});
