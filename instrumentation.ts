// Next.js calls register() once when the server starts: the web process runs the job runner
// unless JOBS_IN_WEB=false (then `npm run worker` processes do).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { runsJobsInWeb, startRunner, stopRunner } = await import("@/lib/jobs/runner");
  if (!runsJobsInWeb()) return;
  try {
    const { id } = await startRunner("web");
    console.log(`Job runner ${id} started in the web process`);
    // A deploy's SIGTERM: the import it holds goes back to the queue for the next runner.
    process.once("SIGTERM", () => void stopRunner().catch(() => {}));
  } catch (error) {
    console.error("The job runner did not start:", error instanceof Error ? error.message : error);
  }
}
