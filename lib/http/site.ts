// The site's public address, for every absolute URL it writes (the open-data API's `url` fields, feeds, the
// briefing's links): PUBLIC_URL, else NEXTAUTH_URL, else http://localhost:$PORT. Pages are stored and served to
// everyone whatever Host they were asked for (decision 0009), so nothing may be built from the request's own host.

export function publicOrigin(): string {
  const configured = process.env.PUBLIC_URL || process.env.NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  return `http://localhost:${process.env.PORT || 3000}`;
}
