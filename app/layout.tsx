import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { WHOLE_REFORM_FEED } from "@/components/feed-links";
import { NavigationEffects } from "@/components/site/navigation-effects";
import { SiteHeader } from "@/components/site/site-header";
import { StaffBar } from "@/components/site/staff-bar";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Reform Tracker: children's social care in England", template: "%s - Reform Tracker" },
  description:
    "How far the reform of children's social care in England has got: every recommendation, the government's response and every milestone of Stable Homes, Built on Love.",
  alternates: { types: { "application/atom+xml": [WHOLE_REFORM_FEED] } },
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
        <StaffBar />
        <SiteHeader />
        <NavigationEffects />
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
                  ["/open-data/api", "API reference"],
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
