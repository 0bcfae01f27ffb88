import type { Page } from "@playwright/test";

/**
 * Waits until React has taken the page over: its <main> and the main menu's links carry React's fibre (set when
 * hydration reaches them; the menu is in a Suspense boundary of its own, which may hydrate a moment after the page),
 * then one frame more, so effects have run. Before that a link is followed by the browser itself, as a new
 * document; a test of what happens on a client-side navigation must wait for this first.
 */
export async function untilHydrated(page: Page) {
  await page.waitForFunction(
    () =>
      [document.querySelector("main"), document.querySelector('nav[aria-label="Main"] a[href^="/"]')].every((element) =>
        Object.keys(element ?? {}).some((key) => key.startsWith("__reactFiber")),
      ),
    null,
    { timeout: 15_000 },
  );
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}
