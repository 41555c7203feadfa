// Next.js calls register() once when the server starts: the web process runs the job runner
// unless JOBS_IN_WEB=false (then `npm run worker` processes do).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startWebRunner } = await import("@/lib/jobs/web");
  await startWebRunner();
}
