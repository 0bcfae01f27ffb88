"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Suspense, useEffect, useRef } from "react";
import { asAtToCarry, withAsAt } from "@/lib/as-at-pages";

/**
 * What every page needs from the browser after a client-side navigation, in one small script (measured in
 * docs/performance.md): focus moves to the new page, and a past "as at" date stays in the links.
 */
export function NavigationEffects() {
  return (
    <Suspense fallback={null}>
      <Effects />
    </Suspense>
  );
}

function Effects() {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const router = useRouter();
  const firstRender = useRef(true);

  // After a link is followed the browser leaves focus on the link, in the menu, while the page below it changed:
  // a keyboard or screen reader user would have to find their way back down. Move focus to the page's <main>, as a
  // full page load and the skip link do. A link to a fragment (#id) keeps the browser's own behaviour.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (window.location.hash) return;
    document.getElementById("main-content")?.focus();
  }, [pathname, query]);

  // On a page seen as at a past date, links to other pages that take `asAt` carry it, in the address (not a cookie)
  // so each page stays one cacheable URL. The server renders the menu and the "back to today" links itself; the
  // page's own links are rewritten here, and a click on one is followed with the date even where Next.js's <Link>
  // would use the href it was rendered with.
  useEffect(() => {
    const asAt = asAtToCarry(new URLSearchParams(query));
    if (!asAt) return;
    const keeps = (a: HTMLAnchorElement) => a.dataset.asAt !== "today" && !a.hasAttribute("download");
    for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href^="/"]')) {
      const href = a.getAttribute("href")!;
      if (keeps(a) && !href.startsWith("//")) a.setAttribute("href", withAsAt(href, asAt));
    }
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const a = e.target instanceof Element ? e.target.closest("a") : null;
      const href = a?.getAttribute("href");
      if (!a || !href?.startsWith("/") || href.startsWith("//") || !keeps(a) || (a.target && a.target !== "_self"))
        return;
      const withDate = withAsAt(href, asAt);
      if (!withDate.includes("asAt=")) return;
      e.preventDefault();
      router.push(withDate);
    };
    document.addEventListener("click", onClick, true);
    return () => document.removeEventListener("click", onClick, true);
  }, [pathname, query, router]);

  return null;
}
