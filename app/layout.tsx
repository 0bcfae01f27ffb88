import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Reform Tracker: children's social care in England", template: "%s - Reform Tracker" },
  description:
    "How far the reform of children's social care in England has got: every recommendation, the government's response and every milestone of Stable Homes, Built on Love.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en-GB">
      <body className="flex min-h-screen flex-col font-sans text-[19px] leading-snug">
        <a
          href="#main-content"
          className="sr-only focus:not-sr-only focus:block focus:bg-govuk-focus focus:p-2 focus:text-govuk-text"
        >
          Skip to main content
        </a>
        {/* The header's links are on every page and in every viewport, so Next.js would prefetch them all on every page
            load. The pages they lead to (all but Open data) are rendered per request and have no loading state, so a
            prefetch fetches little that the click does not fetch again; handling the prefetched responses cost about
            200 ms of a phone's main thread on each load (Lighthouse mobile, total blocking time on the dashboard). */}
        <header className="border-b-[10px] border-govuk-blue bg-black text-white">
          <div className="mx-auto flex max-w-5xl flex-wrap items-baseline justify-between gap-4 px-4 py-3">
            <Link href="/" prefetch={false} className="text-2xl font-bold text-white! no-underline visited:text-white">
              Reform Tracker
            </Link>
            <span className="text-base">Children&apos;s social care reform in England</span>
          </div>
          <nav aria-label="Main" className="mx-auto max-w-5xl px-4 pb-3">
            <ul className="flex flex-wrap gap-x-6 gap-y-2 text-base">
              {[
                ["/", "Dashboard"],
                ["/recommendations", "Recommendations"],
                ["/milestones", "Milestones"],
                ["/pillars", "Pillars"],
                ["/outcomes", "Outcomes"],
                ["/changes", "What changed"],
                ["/report", "Briefing pack"],
                ["/open-data", "Open data"],
              ].map(([href, label]) => (
                <li key={href}>
                  <Link href={href!} prefetch={false} className="font-bold text-white! visited:text-white">
                    {label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main-content" className="mx-auto w-full max-w-5xl flex-1 px-4 py-8" tabIndex={-1}>
          {children}
        </main>
        <footer className="border-t border-govuk-border bg-govuk-light-grey">
          <div className="mx-auto max-w-5xl space-y-2 px-4 py-6 text-base text-govuk-secondary">
            <nav aria-label="Support links">
              <ul className="mb-4 flex flex-wrap gap-x-6 gap-y-2">
                {[
                  ["/about", "About the tracker"],
                  ["/about/statuses", "What the statuses mean"],
                  ["/accessibility", "Accessibility statement"],
                  ["/cookies", "Cookies"],
                  ["/privacy", "Privacy"],
                ].map(([href, label]) => (
                  <li key={href}>
                    <Link href={href!} prefetch={false}>
                      {label}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <p>
              Recommendations, responses, pillars, outcomes and milestones are taken from{" "}
              <cite>Stable Homes, Built on Love: Implementation Strategy and Consultation</cite> (Department for
              Education, February 2023).
            </p>
            <p>
              Contains public sector information licensed under the{" "}
              <a href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="license">
                Open Government Licence v3.0
              </a>
              . © Crown copyright.
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
