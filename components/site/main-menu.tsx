import Link from "next/link";

/** The sections of the site, in the order the main menu lists them. */
export const MAIN_MENU_SECTIONS = [
  { href: "/", label: "Dashboard" },
  { href: "/recommendations", label: "Recommendations" },
  { href: "/milestones", label: "Milestones" },
  { href: "/pillars", label: "Pillars" },
  { href: "/outcomes", label: "Outcomes" },
  { href: "/changes", label: "What changed" },
  { href: "/report", label: "Briefing pack" },
  { href: "/open-data", label: "Open data" },
] as const;

// The header's links are on every page and in every viewport, so Next.js would prefetch them all on every page
// load. The pages they lead to (all but Open data) are rendered per request and have no loading state, so a
// prefetch fetches little that the click does not fetch again; handling the prefetched responses cost about
// 200 ms of a phone's main thread on each load (Lighthouse mobile, total blocking time on the dashboard).
export function MainMenu() {
  return (
    <nav aria-label="Main" className="mx-auto max-w-5xl px-4 pb-3">
      <ul className="flex flex-wrap gap-x-6 gap-y-2 text-base">
        {MAIN_MENU_SECTIONS.map(({ href, label }) => (
          <li key={href}>
            <Link href={href} prefetch={false} className="font-bold text-white! visited:text-white">
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
