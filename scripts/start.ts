// `npm start`: builds when there is no build, migrates, seeds the embedded demo database on its
// first start, then serves the production build on PORT (default 3000). `--dev` runs `next dev`.
import { buildExists, ensureAuthSecret, NEXT_BIN, prepareDatabase, run, serve } from "./runtime";

async function main() {
  const dev = process.argv.includes("--dev");
  const port = process.env.PORT ?? "3000";
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  env.AUTH_SECRET = ensureAuthSecret(env);
  const url = process.env.DATABASE_URL || undefined;

  // A DATABASE_URL database never gets demo data unasked; the embedded one does on first start.
  await prepareDatabase({ url, seed: url ? "never" : "if-empty" });

  if (dev) {
    await run(process.execPath, [NEXT_BIN, "dev", "-p", port], env);
    return;
  }
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  if (!buildExists(distDir)) {
    console.log("No production build yet: building (this takes a few minutes the first time)…");
    await run(process.execPath, [NEXT_BIN, "build"], env);
  }
  console.log(`Serving on http://localhost:${port} (${url ? "PostgreSQL" : "embedded PGlite in .data/"})`);
  serve(port, env);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
