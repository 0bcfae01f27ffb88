import { afterEach, describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import AboutPage from "@/app/(public)/about/page";
import AccessibilityPage from "@/app/(public)/accessibility/page";
import CookiesPage from "@/app/(public)/cookies/page";
import PrivacyPage from "@/app/(public)/privacy/page";
import { SETTING_VARIABLES, siteSettings } from "@/lib/site-settings.server";

// The about and legal pages say only what is true of the software; what only the operator knows comes from the
// settings and appears only when set. With none set, the pages say so rather than inventing a contact or a date.

const SET = {
  REFORM_TRACKER_OPERATOR: "Example Council",
  REFORM_TRACKER_CONTACT_EMAIL: "tracker@example.gov.uk",
  REFORM_TRACKER_ACCESSIBILITY_AUDIT_DATE: "2026-11-30",
  REFORM_TRACKER_ACCESSIBILITY_STATEMENT_DATE: "2026-12-01",
  REFORM_TRACKER_DPO: "Jo Bloggs, dpo@example.gov.uk",
};

function render(page: () => React.ReactElement, env: Record<string, string> = {}) {
  for (const name of Object.values(SETTING_VARIABLES)) vi.stubEnv(name, env[name] ?? "");
  return renderToStaticMarkup(page()).replace(/&#x27;/g, "'");
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the operator's settings", () => {
  it("are read when they have the right shape, and otherwise left out", () => {
    expect(siteSettings(SET)).toEqual({
      operator: "Example Council",
      contactEmail: "tracker@example.gov.uk",
      accessibilityAuditDate: "2026-11-30",
      accessibilityStatementDate: "2026-12-01",
      dataProtectionOfficer: "Jo Bloggs, dpo@example.gov.uk",
    });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(
      siteSettings({
        REFORM_TRACKER_OPERATOR: "  ",
        REFORM_TRACKER_CONTACT_EMAIL: "not an email",
        REFORM_TRACKER_ACCESSIBILITY_AUDIT_DATE: "2026-02-30",
        REFORM_TRACKER_ACCESSIBILITY_STATEMENT_DATE: "yesterday",
        REFORM_TRACKER_DPO: "Jo\u202Egnp.exe",
      }),
    ).toEqual({
      operator: null,
      contactEmail: null,
      accessibilityAuditDate: null,
      accessibilityStatementDate: null,
      dataProtectionOfficer: null,
    });
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual(
      expect.arrayContaining([expect.stringContaining("REFORM_TRACKER_CONTACT_EMAIL")]),
    );
    warn.mockRestore();
  });
});

describe("with no settings", () => {
  it("/about says no contact address has been published, and invents none", () => {
    const html = render(AboutPage);
    expect(html).toContain("has not published a contact address");
    expect(html).not.toContain("mailto:");
    expect(html).toContain("Open Government Licence v3.0");
    expect(html).toContain('href="/about/statuses"');
  });

  it("/accessibility says which dates were not recorded", () => {
    const html = render(AccessibilityPage);
    expect(html).toContain("partially compliant");
    expect(html).toContain("not a tagged PDF");
    expect(html).toContain("Equality and Human Rights Commission");
    expect(html).toContain("Equality Commission for Northern Ireland");
    expect(html).toContain("No manual accessibility audit of this copy of the tracker has been recorded");
    expect(html).toContain("The date this statement was prepared has not been recorded");
    expect(html).not.toMatch(/last audited for accessibility on/);
  });

  it("/privacy names no controller or officer", () => {
    const html = render(PrivacyPage);
    expect(html).toContain("It has not given its name on this site.");
    expect(html).not.toContain("Data protection officer:");
    expect(html).toContain("Attempts more than 24 hours old");
  });
});

describe("with the settings", () => {
  it("/about and /privacy name the operator and the contact", () => {
    const about = render(AboutPage, SET);
    expect(about).toContain("This copy of the tracker is run by Example Council.");
    expect(about).toContain('href="mailto:tracker@example.gov.uk"');
    const privacy = render(PrivacyPage, SET);
    expect(privacy).toContain("Example Council runs this copy of the tracker and is the data controller");
    expect(privacy).toContain("Data protection officer: Jo Bloggs, dpo@example.gov.uk.");
  });

  it("/accessibility gives the audit and preparation dates", () => {
    const html = render(AccessibilityPage, SET);
    expect(html).toContain("This website was last audited for accessibility on 30 November 2026.");
    expect(html).toContain("This statement was prepared on 1 December 2026.");
    expect(html).toContain("run by Example Council");
  });
});

describe("/cookies", () => {
  it("lists next-auth's cookies for staff, with the https names when the site is served over https", () => {
    vi.stubEnv("NEXTAUTH_URL", "https://reform-tracker.example");
    const html = render(CookiesPage);
    expect(html).toContain("__Host-next-auth.csrf-token");
    expect(html).toContain("__Secure-next-auth.session-token");
    expect(html).toContain("Reading the tracker: no cookies");
    vi.stubEnv("NEXTAUTH_URL", "http://localhost:3000");
    expect(render(CookiesPage)).toContain("<code>next-auth.session-token</code>");
  });
});
