import type { Metadata } from "next";
import Link from "next/link";
import { OperatorContact } from "@/components/operator-contact";
import { formatDay } from "@/lib/dates";
import { publicOrigin } from "@/lib/http/site";
import { siteSettings } from "@/lib/site-settings.server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Accessibility statement" };

// In the form the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 ask
// for, following GOV.UK's model statement. Everything here is true of the software and proved where it says; what
// only the operator knows (who runs it, how to reach them, when it was audited, when this was prepared) comes from
// lib/site-settings.server.ts and is left out, saying so, when unset. Keep the known gaps in step with the code.

export default function AccessibilityPage() {
  const settings = siteSettings();
  const who = settings.operator ?? "whoever runs this copy of the tracker";
  return (
    <div className="max-w-3xl space-y-8">
      <div className="space-y-4">
        <h1 className="text-4xl font-bold">Accessibility statement for Reform Tracker</h1>
        <p>
          This accessibility statement applies to the Reform Tracker website at {publicOrigin()}
          {settings.operator ? `, run by ${settings.operator}` : ""}.
        </p>
        <p>We want as many people as possible to be able to use this website. For example, you should be able to:</p>
        <ul className="list-disc space-y-2 pl-6">
          <li>use every page with a keyboard alone, starting with a link that skips to the main content</li>
          <li>read every chart&apos;s figures in a table beside it</li>
          <li>tell every status apart by its words: colour is never the only sign</li>
          <li>filter and search the lists without JavaScript, and share a filtered list by its address</li>
          <li>download every figure as open data (CSV or JSON) to read in a tool of your choice</li>
        </ul>
      </div>

      <section aria-labelledby="how-accessible" className="space-y-3">
        <h2 id="how-accessible" className="text-2xl font-bold">
          How accessible this website is
        </h2>
        <p>We know some parts of this website are not fully accessible:</p>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            the briefing pack as a PDF is not a tagged PDF: its text can be selected and read aloud, and it has a title
            and a language, but its headings, lists and tables are not marked up as such, so a screen reader reads it as
            plain text
          </li>
          <li>the charts are pictures hidden from screen readers; the same figures are in a table under each chart</li>
        </ul>
      </section>

      <section aria-labelledby="feedback" className="space-y-3">
        <h2 id="feedback" className="text-2xl font-bold">
          Feedback and contact information
        </h2>
        <p>
          If you need information on this website in a different format, or find a problem not listed on this page,
          contact {who}.
        </p>
        <OperatorContact settings={settings} topic="accessibility" />
      </section>

      <section aria-labelledby="enforcement" className="space-y-3">
        <h2 id="enforcement" className="text-2xl font-bold">
          Enforcement procedure
        </h2>
        <p>
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies
          (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the &ldquo;accessibility
          regulations&rdquo;). If you&apos;re not happy with how we respond to your complaint, contact the{" "}
          <a href="https://www.equalityadvisoryservice.com/">Equality Advisory and Support Service (EASS)</a>.
        </p>
        <p>
          If you are in Northern Ireland and are not happy with how we respond to your complaint, contact the{" "}
          <a href="https://www.equalityni.org/Home">Equality Commission for Northern Ireland</a>, who are responsible
          for enforcing the accessibility regulations in Northern Ireland.
        </p>
      </section>

      <section aria-labelledby="technical" className="space-y-3">
        <h2 id="technical" className="text-2xl font-bold">
          Technical information about this website&apos;s accessibility
        </h2>
        <p>
          This website is committed to making its content accessible, in accordance with the Public Sector Bodies
          (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.
        </p>
        <h3 className="text-xl font-bold">Compliance status</h3>
        <p>
          This website is partially compliant with the{" "}
          <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA standard, due
          to the non-compliances listed below.
        </p>
        <h3 className="text-xl font-bold">Non-accessible content</h3>
        <p>The content listed below is non-accessible for the following reasons.</p>
        <h4 className="font-bold">Non-compliance with the accessibility regulations</h4>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            The briefing pack PDF has no tags: its headings, lists and tables are not marked up, which fails WCAG 2.2
            success criterion 1.3.1 (Info and relationships), because the library that draws it cannot produce a tagged
            PDF. The same briefing is a web page at <Link href="/report">Briefing pack</Link>, which can be printed, and
            a Word document (from the same page), both with real headings, tables and lists; use either with a screen
            reader.
          </li>
        </ul>
        <h4 className="font-bold">Disproportionate burden</h4>
        <p>We are not claiming disproportionate burden for any content.</p>
        <h4 className="font-bold">Content that&apos;s not within the scope of the accessibility regulations</h4>
        <p>None.</p>
      </section>

      <section aria-labelledby="testing" className="space-y-3">
        <h2 id="testing" className="text-2xl font-bold">
          How this website was tested
        </h2>
        <p>
          Every public page is checked automatically with axe-core against the WCAG 2.0, 2.1 and 2.2 level A and AA
          rules, in the Chromium browser, by the project&apos;s automated tests (
          <code>tests/e2e/accessibility.spec.ts</code>). Other automated tests follow the main journey with the keyboard
          alone and check the skip link (<code>tests/e2e/journeys.spec.ts</code>, <code>tests/e2e/home.spec.ts</code>),
          and fail any public page that logs a browser error (<code>tests/e2e/public-cache.spec.ts</code>). Automated
          checks find only some accessibility problems.
        </p>
        <p>
          {settings.accessibilityAuditDate
            ? `This website was last audited for accessibility on ${formatDay(settings.accessibilityAuditDate)}.`
            : `No manual accessibility audit of this copy of the tracker has been recorded by ${who}.`}
        </p>
      </section>

      <section aria-labelledby="preparation" className="space-y-3">
        <h2 id="preparation" className="text-2xl font-bold">
          Preparation of this accessibility statement
        </h2>
        <p>
          {settings.accessibilityStatementDate
            ? `This statement was prepared on ${formatDay(settings.accessibilityStatementDate)}.`
            : `The date this statement was prepared has not been recorded by ${who}.`}
        </p>
      </section>
    </div>
  );
}
