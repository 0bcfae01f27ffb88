// PostgreSQL advisory lock keys, one per job that must not run twice at once, whichever app instance runs it.
// Distinct numbers: two jobs sharing a key would wait for each other for no reason.
export const ADVISORY_LOCKS = {
  migrations: 72_657_201,
  seed: 72_657_202,
  milestoneCodes: 72_657_203,
  firstAdmin: 72_657_204,
} as const;
