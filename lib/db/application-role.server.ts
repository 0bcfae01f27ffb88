import { randomBytes } from "node:crypto";
import pg from "pg";

/** The group role that migration 0005 grants the app's rights to: read and write, but only append to the audit trail. */
export const APPLICATION_ROLE = "reform_tracker_app";
/** The login role `npm start` runs the app as, on the embedded PostgreSQL. */
export const EMBEDDED_APPLICATION_LOGIN = "reform_tracker_web";

/**
 * Makes (or updates) a login role that is a member of the application role, with a fresh random password, and returns
 * `ownerUrl` rewritten to connect as it. Run as the owner, after the migrations. The password lives only in the
 * returned URL: `npm start` hands it to the app process, and sets a new one on every start.
 */
export async function ensureApplicationLogin(ownerUrl: string, login = EMBEDDED_APPLICATION_LOGIN): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(login)) throw new Error(`Not a valid role name: ${login}`);
  const password = randomBytes(24).toString("hex");
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const role = pg.escapeIdentifier(login);
    const secret = client.escapeLiteral(password);
    const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [login]);
    // NOSUPERUSER etc. are the defaults; said anyway, so that an old role with more rights is brought down to these.
    const attributes = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT";
    await client.query(
      rowCount
        ? `ALTER ROLE ${role} ${attributes} PASSWORD ${secret}`
        : `CREATE ROLE ${role} ${attributes} PASSWORD ${secret}`,
    );
    await client.query(`GRANT ${pg.escapeIdentifier(APPLICATION_ROLE)} TO ${role}`);
  } finally {
    await client.end();
  }
  const url = new URL(ownerUrl);
  url.username = login;
  url.password = password;
  return url.toString();
}
