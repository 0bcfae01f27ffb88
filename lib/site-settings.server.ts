import "server-only";
import { isRealDay } from "@/lib/dates";
import { z } from "@/lib/validations/zod";
import { hasControlCharacters, hasDirectionControls } from "@/lib/validations/text";

// Facts about a deployment that only its operator knows: who runs it, where to write, when its accessibility was
// last checked, who its data protection officer is. The software cannot know them and must never invent them, so
// each comes from an environment variable (docs/deployment.md#what-the-public-pages-say-about-the-operator) and the
// pages (/about, /accessibility, /privacy) show it only when it is set. A value that does not have the right shape
// is treated as unset, and said so once in the log, rather than shown.

export interface SiteSettings {
  /** The organisation that runs this copy of the tracker. */
  operator: string | null;
  /** Where readers report an error, ask about accessibility or privacy. */
  contactEmail: string | null;
  /** The day the operator prepared (or last reviewed) the accessibility statement, YYYY-MM-DD. */
  accessibilityStatementDate: string | null;
  /** The day of the last accessibility audit of the site by or for the operator, YYYY-MM-DD. */
  accessibilityAuditDate: string | null;
  /** How to reach the operator's data protection officer (a name, an address or both). */
  dataProtectionOfficer: string | null;
}

export const SETTING_VARIABLES = {
  operator: "REFORM_TRACKER_OPERATOR",
  contactEmail: "REFORM_TRACKER_CONTACT_EMAIL",
  accessibilityStatementDate: "REFORM_TRACKER_ACCESSIBILITY_STATEMENT_DATE",
  accessibilityAuditDate: "REFORM_TRACKER_ACCESSIBILITY_AUDIT_DATE",
  dataProtectionOfficer: "REFORM_TRACKER_DPO",
} as const satisfies Record<keyof SiteSettings, string>;

const plainText = (max: number) => (value: string) =>
  value.length <= max && !hasControlCharacters(value) && !hasDirectionControls(value);
const email = (value: string) => value.length <= 320 && z.email().safeParse(value).success;

const RULES: Record<keyof SiteSettings, (value: string) => boolean> = {
  operator: plainText(200),
  contactEmail: email,
  accessibilityStatementDate: isRealDay,
  accessibilityAuditDate: isRealDay,
  dataProtectionOfficer: plainText(300),
};

const warned = new Set<string>();

/** The operator's settings from `env` (the process's environment unless given): each null when unset or unusable. */
export function siteSettings(env: Record<string, string | undefined> = process.env): SiteSettings {
  const settings = {} as SiteSettings;
  for (const key of Object.keys(SETTING_VARIABLES) as Array<keyof SiteSettings>) {
    const name = SETTING_VARIABLES[key];
    const value = env[name]?.trim() ?? "";
    if (value === "") {
      settings[key] = null;
    } else if (RULES[key](value)) {
      settings[key] = value;
    } else {
      settings[key] = null;
      if (!warned.has(name)) {
        warned.add(name);
        console.warn(`settings: ${name} is not usable (see docs/deployment.md), so the pages leave it out`);
      }
    }
  }
  return settings;
}
