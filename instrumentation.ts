// Next.js calls register() once when the server starts: nothing the framework logs may carry personal
// data, and the web process runs the job runner unless JOBS_IN_WEB=false (then `npm run worker` does).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installErrorMap } = await import("@/lib/validation/error-map");
  installErrorMap();
  const { installConsoleSanitiser } = await import("@/lib/log");
  installConsoleSanitiser();
  const { startWebRunner } = await import("@/lib/jobs/web");
  await startWebRunner();
}
