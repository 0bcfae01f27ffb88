import { z } from "@/lib/validations/zod";
import { withoutControlCharacters, withoutDirectionControls } from "@/lib/validations/text";
import { COUNCIL_ROLES, ROLES } from "@/lib/vocabulary";

// Rules for staff accounts, shared by the admin page, its server actions and `npm run user:create`.
// Field names match the forms' inputs, so an error can link to the field it is about.

export const USER_LIMITS = { email: 320, name: 100, passwordMin: 12, passwordMax: 200 } as const;

export const emailSchema = z
  .string({ message: "Enter an email address" })
  .trim()
  .toLowerCase()
  .min(1, "Enter an email address")
  .max(USER_LIMITS.email, `Email address must be ${USER_LIMITS.email} characters or fewer`)
  .pipe(z.email("Enter an email address in the correct format, like name@example.gov.uk"));

export const nameSchema = z
  .string({ message: "Enter a full name" })
  .trim()
  .min(1, "Enter a full name")
  .max(USER_LIMITS.name, `Full name must be ${USER_LIMITS.name} characters or fewer`)
  .refine(...withoutControlCharacters("Full name"))
  .refine(...withoutDirectionControls("Full name"));

export const roleSchema = z.enum(ROLES, { message: "Select a role" });

// Ids are PostgreSQL integers: a larger number names no account (and must not reach the database, which refuses it).
const userIdSchema = z.coerce
  .number({ message: "This user does not exist" })
  .int("This user does not exist")
  .positive("This user does not exist")
  .max(2_147_483_647, "This user does not exist");

/** A council as the forms name it (slug or GSS code); whether it exists is the database's answer. */
const councilKeySchema = z
  .string()
  .trim()
  .max(100, "This council does not exist")
  .regex(/^([a-z0-9]+(-[a-z0-9]+)*|E\d{8})$/i, "This council does not exist");

export const inviteUserSchema = z.object({
  email: emailSchema,
  name: nameSchema,
  role: roleSchema,
  // Needed for a council role only (lib/auth/users.server.ts decides); "" when the form's list was left alone.
  council: z
    .string()
    .trim()
    .max(100, "This council does not exist")
    .optional()
    .transform((s) => (s ? s : undefined))
    .pipe(councilKeySchema.optional()),
});
export const changeRoleSchema = z.object({ userId: userIdSchema, role: roleSchema });
export const userRefSchema = z.object({ userId: userIdSchema });

// A council's own account pages (decision 0017): the council is part of every request.
export const councilInviteSchema = z.object({
  council: councilKeySchema,
  email: emailSchema,
  name: nameSchema,
  role: z.enum(COUNCIL_ROLES, { message: "Select a role" }),
});
export const councilUserRefSchema = z.object({ council: councilKeySchema, userId: userIdSchema });

export const changePasswordSchema = z
  .object({
    // Passwords are taken exactly as typed: never trimmed or lowercased.
    currentPassword: z
      .string({ message: "Enter your current password" })
      .min(1, "Enter your current password")
      .max(USER_LIMITS.passwordMax, "Your current password is incorrect"),
    newPassword: z
      .string({ message: "Enter a new password" })
      .min(1, "Enter a new password")
      .refine(
        (s) => s.length === 0 || s.length >= USER_LIMITS.passwordMin,
        `Your new password must be ${USER_LIMITS.passwordMin} characters or more`,
      )
      .max(USER_LIMITS.passwordMax, `Your new password must be ${USER_LIMITS.passwordMax} characters or fewer`),
    confirmPassword: z.string({ message: "Enter your new password again" }),
  })
  .superRefine((value, ctx) => {
    if (value.newPassword.length >= USER_LIMITS.passwordMin && value.newPassword === value.currentPassword) {
      ctx.addIssue({
        code: "custom",
        path: ["newPassword"],
        message: "Your new password must be different from your current password",
      });
    }
    if (value.confirmPassword === "") {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "Enter your new password again" });
    } else if (value.confirmPassword !== value.newPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The passwords you entered do not match" });
    }
  });

// Inputs as forms and the command line send them: the schemas decide whether a role is one of ROLES.
export type InviteUserInput = { email: string; name: string; role: string; council?: string };
export type CouncilInviteInput = { council: string; email: string; name: string; role: string };
export type CouncilUserRefInput = { council: string; userId: number | string };
export type ChangeRoleInput = { userId: number | string; role: string };
export type UserRefInput = z.input<typeof userRefSchema>;
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
