import type { Metadata } from "next";
import Link from "next/link";
import { OperatorContact } from "@/components/operator-contact";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/cookies";
import { siteSettings } from "@/lib/site-settings.server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Privacy" };

// What the software keeps about people, from its database schema (prisma/schema.prisma) and the code that writes it.
// Who the data controller is, and how to reach them or their data protection officer, only the operator can say:
// lib/site-settings.server.ts.

export default function PrivacyPage() {
  const settings = siteSettings();
  return (
    <div className="max-w-3xl space-y-8">
      <div className="space-y-4">
        <h1 className="text-4xl font-bold">Privacy</h1>
        <p className="text-xl">
          What personal data Reform Tracker keeps, why, and for how long. Reading the tracker needs no account, and the
          tracker keeps no personal data about its readers.
        </p>
      </div>

      <section aria-labelledby="controller" className="space-y-3">
        <h2 id="controller" className="text-2xl font-bold">
          Who is responsible for the data
        </h2>
        <p>
          {settings.operator
            ? `${settings.operator} runs this copy of the tracker and is the data controller for the personal data it keeps.`
            : "The organisation that runs this copy of the tracker is the data controller for the personal data it keeps. It has not given its name on this site."}
        </p>
        {settings.dataProtectionOfficer && <p>Data protection officer: {settings.dataProtectionOfficer}.</p>}
      </section>

      <section aria-labelledby="readers" className="space-y-3">
        <h2 id="readers" className="text-2xl font-bold">
          If you read the tracker
        </h2>
        <p>
          The tracker does not ask who you are, sets no cookies for you (<Link href="/cookies">cookies</Link>) and
          writes nothing about your visit to its database. Pages are the same for every reader. The systems that carry
          the site to you, run by or for its operator, may keep their own records of requests, such as addresses and the
          pages asked for: ask the operator about those.
        </p>
      </section>

      <section aria-labelledby="staff" className="space-y-3">
        <h2 id="staff" className="text-2xl font-bold">
          If you have a staff account
        </h2>
        <p>
          Staff accounts are for the people who update the tracker. An administrator creates each one. The tracker
          keeps, to let you sign in, to keep accounts secure and to show who changed what:
        </p>
        <ul className="list-disc space-y-2 pl-6">
          <li>
            <strong>your account</strong>: your name, email address and role, a hash of your password (never the
            password itself), when the account was created, when you last signed in, and whether and when it was
            deactivated. A deactivated account is kept, so the changes made with it stay attributed.
          </li>
          <li>
            <strong>your sessions</strong>: when each began, when it expires ({SESSION_MAX_AGE_SECONDS / 3600} hours
            later) and when and why it ended.
          </li>
          <li>
            <strong>sign-in attempts</strong>: the email address typed, the internet address the attempt came from, the
            browser or session it came from when the tracker knows it (its device cookie), whether it succeeded and
            when. These limit repeated guessing of passwords. Attempts more than 24 hours old are deleted at a later
            sign-in. When an administrator lifts a lock-out of your account, the time is kept with your account.
          </li>
          <li>
            <strong>the record of changes</strong>: every change to a milestone, a recommendation or an account is kept
            with the account and email address of the person who made it, when, and why. This record is kept for as long
            as the tracker exists: the database refuses to change or delete it, so that the history of the reform can be
            trusted.
          </li>
        </ul>
        <p>
          The public pages and the open data show each change with its date and reason, but never the name or email
          address of the person who made it.
        </p>
      </section>

      <section aria-labelledby="rights" className="space-y-3">
        <h2 id="rights" className="text-2xl font-bold">
          Your rights
        </h2>
        <p>
          You can ask to see the personal data the tracker keeps about you, and ask for it to be corrected. Because the
          record of changes cannot be edited, a change you made stays attributed to your account.
        </p>
        <OperatorContact settings={settings} topic="your personal data" />
        <p>
          If you are unhappy with how your data has been handled, you can complain to the{" "}
          <a href="https://ico.org.uk/make-a-complaint/">Information Commissioner&apos;s Office</a>.
        </p>
      </section>
    </div>
  );
}
