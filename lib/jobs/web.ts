import { runsJobsInWeb, startRunner, stopRunner } from "./runner";

/** The web process's runner (unless JOBS_IN_WEB=false); on a deploy's SIGTERM it gives its import back. */
export async function startWebRunner(): Promise<void> {
  if (!runsJobsInWeb()) return;
  try {
    const { id } = await startRunner("web");
    console.log(`Job runner ${id} started in the web process`);
    process.once("SIGTERM", () => void stopRunner().catch(() => {}));
  } catch (error) {
    console.error("The job runner did not start:", error instanceof Error ? error.message : error);
  }
}
