/** Shown on the sign-in form when the database does not answer (a "use server" file may export only functions). */
export const UNAVAILABLE =
  "Signing in is unavailable right now: the service cannot reach its database. Try again shortly.";
