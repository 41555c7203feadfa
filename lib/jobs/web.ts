import { closeDatabase } from "@/db";
import { runsJobsInWeb, startRunner, stopRunner } from "./runner";

/**
 * The web process's runner (unless JOBS_IN_WEB=false). On a deploy's SIGTERM it gives its import
 * back, then the process ends (a SIGTERM listener takes the place of Node's own exit).
 */
export async function startWebRunner(): Promise<void> {
  if (!runsJobsInWeb()) return;
  try {
    const { id } = await startRunner("web");
    console.log(`Job runner ${id} started in the web process`);
    process.once("SIGTERM", () => {
      const exit = () => process.exit(0);
      // Should giving back hang, the process still ends; the claim then lapses by itself.
      setTimeout(exit, 10_000).unref();
      // The embedded database is closed too, so its folder opens cleanly on the next start.
      void stopRunner()
        .catch(() => {})
        .then(() => closeDatabase())
        .catch(() => {})
        .finally(exit);
    });
  } catch (error) {
    console.error("The job runner did not start:", error instanceof Error ? error.message : error);
  }
}
