import pino from "pino";
import { postgresError } from "@/db/errors";
import { AppError } from "@/lib/errors";
import { redactText } from "@/lib/privacy/redact";

/**
 * What an error may say in a log line or a stored message: its kind, a database error's SQLSTATE and
 * constraint, and a message with personal data masked. Never the failing statement or its
 * parameters (drizzle puts both in its message), nor a database message (it may quote a value).
 */
export type SafeError = { name: string; code?: string; constraint?: string | null; message: string; stack?: string };

const MESSAGE_MAX = 300;

export function describeError(error: unknown): SafeError {
  if (error instanceof AppError) return { name: "AppError", code: error.code, message: safeMessage(error.message) };
  const pg = postgresError(error);
  if (pg) {
    return {
      name: "DatabaseError",
      code: pg.code,
      constraint: pg.constraint,
      message: `database error ${pg.code}${pg.constraint ? ` on ${pg.constraint}` : ""}`,
    };
  }
  if (error instanceof Error) {
    // Only the frames: the stack's first line repeats the message.
    const frames = error.stack?.split("\n").filter((l) => /^\s+at /.test(l));
    return { name: error.name, message: safeMessage(error.message), stack: frames?.slice(0, 12).join("\n") };
  }
  if (error && typeof error === "object") {
    // A thrown plain object (a library's error shape): its own name and message, never its other fields.
    const { name, message, code } = error as { name?: unknown; message?: unknown; code?: unknown };
    return {
      name: typeof name === "string" ? name : "object",
      ...(typeof code === "string" ? { code } : {}),
      message: typeof message === "string" ? safeMessage(message) : "an error without a message",
    };
  }
  return { name: typeof error, message: safeMessage(String(error)) };
}

/** A message fit to log or store: a failed query is named as such and nothing of it kept. */
export function safeMessage(message: string): string {
  if (/failed query|params:|insert into|update |select |delete from|\$\d/i.test(message))
    return "a database statement failed";
  const masked = redactText(message);
  return masked.length > MESSAGE_MAX ? `${masked.slice(0, MESSAGE_MAX)}…` : masked;
}

// Fields that hold complaint text, credentials or request data wherever they sit in a log object.
const REDACT_PATHS = [
  "body",
  "*.body",
  "params",
  "*.params",
  "parameters",
  "*.parameters",
  "query",
  "*.query",
  "narrative",
  "*.narrative",
  "summary",
  "*.summary",
  "customerRef",
  "*.customerRef",
  "customer_ref",
  "*.customer_ref",
  "email",
  "*.email",
  "password",
  "*.password",
  "token",
  "*.token",
  "authorization",
  "*.authorization",
  "headers.cookie",
  "*.headers.cookie",
  "row",
  "*.row",
  "values",
  "*.values",
];

/** The server's structured logger: JSON lines on stdout, known personal fields censored, errors described safely. */
export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? "info",
    base: undefined,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    serializers: { err: describeError, error: describeError },
    hooks: {
      // A free-text log message is masked too: callers should not put data there, but a slip must not leak.
      logMethod(args, method) {
        const [first, ...rest] = args as unknown[];
        if (typeof first === "string") return method.apply(this, [safeMessage(first), ...rest] as never);
        if (typeof rest[0] === "string")
          return method.apply(this, [first, safeMessage(rest[0]), ...rest.slice(1)] as never);
        return method.apply(this, args);
      },
    },
    // process.stdout rather than pino's own file-descriptor writer: one stream the server's output goes to, which tests capture.
  },
  process.stdout,
);

/** Logs a failure by its kind and code only. */
export function logError(message: string, error: unknown, context: Record<string, unknown> = {}) {
  logger.error({ ...context, err: describeError(error) }, message);
}

const sanitise = (arg: unknown) =>
  arg instanceof Error ? describeError(arg) : typeof arg === "string" ? safeMessage(arg) : arg;

/**
 * Masks what reaches console.error and console.warn: the framework logs errors it catches there
 * (with a failed statement's parameters in drizzle's message), and so may a library. Installed once
 * by instrumentation.ts for the server and by the CLI.
 */
export function installConsoleSanitiser() {
  const marker = Symbol.for("complaint-zero.console-sanitised");
  const c = console as Console & { [marker]?: boolean };
  if (c[marker]) return;
  c[marker] = true;
  for (const level of ["error", "warn"] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => original(...args.map(sanitise));
  }
}
