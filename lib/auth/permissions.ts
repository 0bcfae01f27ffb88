import type { RoleValue } from "@/lib/vocabulary";

// Who may do what. Every write checks one of these on the server, against the user as the database has them
// now (so a deactivated user or a changed role takes effect on the next request, whatever the session says).
export const PERMISSIONS = {
  "milestone:update": ["editor", "admin"],
  "milestone:create": ["editor", "admin"],
  "milestone:import": ["editor", "admin"],
  "recommendation:reclassify": ["editor", "admin"],
  "programme:manage": ["editor", "admin"],
  "user:manage": ["admin"],
  // Scoped to a council (authorise(..., { councilId })): a council account only for its own council; admins for any.
  "local-action:write": ["council_editor", "council_lead", "admin"],
  // Scoped the same way: a council lead manages its own council's editors; admins any council's accounts (0017).
  "council-user:manage": ["council_lead", "admin"],
} as const satisfies Record<string, readonly RoleValue[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleMay(role: RoleValue, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly RoleValue[]).includes(role);
}
