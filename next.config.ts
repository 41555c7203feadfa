import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Separate build folders let an end-to-end run and a developer's server coexist.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  serverExternalPackages: ["@electric-sql/pglite", "argon2", "postgres", "pg-boss", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    authInterrupts: true,
    // A fresh CI clone never reuses the build cache, so writing it is wasted time there.
    turbopackFileSystemCacheForBuild: !process.env.CI,
  },
};

export default nextConfig;
