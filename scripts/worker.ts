// `npm run worker`: a job runner without the web server, for JOBS_IN_WEB=false deployments (or
// more runners beside the web processes). Migrates first, under the same lock as `npm start`.
import { closeDatabase } from "@/db";
import { startRunner, stopRunner } from "@/lib/jobs/runner";
import { prepareDatabase } from "./runtime";

async function main() {
  const url = process.env.DATABASE_URL || undefined;
  if (!url) {
    console.error("npm run worker needs DATABASE_URL: the embedded database has one process, the web server");
    process.exit(2);
  }
  await prepareDatabase({ url, seed: "never" });
  const { id } = await startRunner("worker");
  console.log(`Job runner ${id} started`);
  const stop = async (signal: string) => {
    console.log(`Job runner ${id}: ${signal}, stopping`);
    await stopRunner().catch((error) => console.error(error));
    await closeDatabase();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
