/** Runs once when the server starts: nothing the framework logs may carry personal data. */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installConsoleSanitiser } = await import("@/lib/log");
    installConsoleSanitiser();
  }
}
