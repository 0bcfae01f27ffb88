"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { asAtToCarry, withAsAt } from "@/lib/as-at-pages";

/** The sections of the site, in the order the main menu lists them. */
export const MAIN_MENU_SECTIONS = [
  { href: "/", label: "Dashboard" },
  { href: "/recommendations", label: "Recommendations" },
  { href: "/milestones", label: "Milestones" },
  { href: "/pillars", label: "Pillars" },
  { href: "/outcomes", label: "Outcomes" },
  { href: "/changes", label: "What changed" },
  { href: "/councils", label: "Councils" },
  { href: "/report", label: "Briefing pack" },
  { href: "/open-data", label: "Open data" },
] as const;

// The current item is marked with a bar under it as well as by aria-current: a thicker underline would not show,
// as the global link style (app/globals.css) sets text-decoration after Tailwind's utilities.

/**
 * GOV.UK's service navigation: `aria-current="page"` on the link to the page itself, `"true"` on the section a page
 * belongs to (a recommendation is in Recommendations). The slippage register is reached from What changed.
 */
function currentness(pathname: string, href: string): "page" | "true" | undefined {
  if (pathname === href) return "page";
  if (href === "/") return undefined;
  if (pathname.startsWith(`${href}/`)) return "true";
  if (href === "/changes" && pathname === "/slippage") return "true";
  return undefined;
}

// The menu is in the root layout, which the server does not render again on client navigation, so it reads the
// address with the router's hooks: on the server they give the page's own URL (public HTML is stored per URL, so
// the current section and a carried `asAt` are the same for every reader of that URL), and in the browser they follow
// each navigation.
export function MainMenu() {
  return (
    <nav aria-label="Main" className="mx-auto max-w-5xl px-4 pb-3">
      {/* A page prerendered at build time has no query: there the menu renders without `asAt`, then takes it up. */}
      <Suspense fallback={<MenuLinks asAt={null} />}>
        <MenuLinksKeepingAsAt />
      </Suspense>
    </nav>
  );
}

function MenuLinksKeepingAsAt() {
  return <MenuLinks asAt={asAtToCarry(useSearchParams())} />;
}

// The header's links are on every page and in every viewport, so Next.js would prefetch them all on every page
// load. The pages they lead to (all but Open data) are rendered per request and have no loading state, so a
// prefetch fetches little that the click does not fetch again; handling the prefetched responses cost about
// 200 ms of a phone's main thread on each load (Lighthouse mobile, total blocking time on the dashboard).
function MenuLinks({ asAt }: { asAt: string | null }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-x-6 gap-y-2 text-base">
      {MAIN_MENU_SECTIONS.map(({ href, label }) => {
        const current = currentness(pathname, href);
        return (
          <li key={href}>
            <Link
              href={withAsAt(href, asAt)}
              prefetch={false}
              aria-current={current}
              className={`font-bold text-white! visited:text-white ${current ? "inline-block border-b-4 border-white" : ""}`}
            >
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
