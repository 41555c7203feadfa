import "server-only";
import { type NextRequest, NextResponse } from "next/server";
import type { z } from "zod";
import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { can, type Permission } from "@/lib/auth/roles";
import { actorOf, getCurrentUser } from "@/lib/auth/session";
import { ADDRESS_POLICY, addressKey, lockedUntil, recordFailure, retryAfterSeconds } from "@/lib/auth/throttle";
import { userForToken } from "@/lib/auth/tokens";
import { AppError, type ErrorCode, forbidden, HTTP_STATUS } from "@/lib/errors";
import { DEFAULT_LOCALE, LOCALE_COOKIE, type Locale, negotiateLocale } from "@/lib/i18n/locales";
import { type MessageKey, phraseIn, refuse } from "@/lib/i18n/say";
import { logError } from "@/lib/log";
import { type AnyOperation, type MutationResult, run, type SomeOperation } from "@/lib/operations";
import { hostileMessage } from "@/lib/operations/result";
import { readBodyLimited } from "@/lib/security/body";
import { clientAddress } from "@/lib/security/client-address";
import { type HostileProblem, hostileParam } from "@/lib/security/hostile";
import { isUnavailable, RETRY_AFTER_SECONDS } from "@/lib/security/outage";
import { takeToken } from "./rate-limit";

export const MAX_JSON_BYTES = 1024 * 1024;

/** A body that is not JSON, in the caller's language. */
const invalidJson = () =>
  new AppError("invalid", (locale) => ({
    message: phraseIn(locale, "errors.invalidJson"),
    details: [{ path: "", message: phraseIn(locale, "errors.invalidJsonField") }],
  }));

/** Input no schema should see (NUL, lone surrogates, deep nesting), refused by name in the caller's language. */
const hostileRefusal = (message: MessageKey, hostile: HostileProblem) =>
  new AppError("invalid", (locale) => ({
    message: phraseIn(locale, message),
    details: [{ path: hostile.path, message: hostileMessage(hostile, locale) }],
  }));

export function apiError(code: ErrorCode, message: string, details?: unknown, headers?: HeadersInit) {
  return NextResponse.json(
    { error: { code, message, details: details ?? null } },
    { status: HTTP_STATUS[code], headers },
  );
}

/** Field errors as the API reports them: a list of `{ path, message }`. */
export function fieldDetails(fieldErrors: Record<string, string[]>) {
  return Object.entries(fieldErrors).flatMap(([path, messages]) => messages.map((message) => ({ path, message })));
}

/** Maps a mutation result to a response: the data with `status`, or the error with its status. */
export function respond<R>(result: MutationResult<R>, status = 200) {
  if ("data" in result) return NextResponse.json(result.data, { status });
  const { code, message, details } = result.error;
  return apiError(code, message, result.fieldErrors ? fieldDetails(result.fieldErrors) : details);
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * A browser's session cookie may write only from this site: the Origin must be ours and a body must be
 * JSON (or, for an upload route, multipart), which a cross-site form cannot send. Tokens are not
 * sent by browsers on their own, so bearer calls need neither.
 */
function checkCookieWrite(request: NextRequest, upload: boolean) {
  if (!UNSAFE.has(request.method)) return;
  const origin = request.headers.get("origin");
  const host = request.headers.get("host");
  let originHost: string | null = null;
  try {
    originHost = origin ? new URL(origin).host : null;
  } catch {}
  if (!originHost || originHost !== host) {
    throw forbidden("errors.sessionWriteOrigin");
  }
  const hasBody = Number(request.headers.get("content-length") ?? 0) > 0 || request.headers.has("transfer-encoding");
  const type = (request.headers.get("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const allowed = type === "application/json" || (upload && type === "multipart/form-data");
  if ((hasBody || type) && !allowed) {
    throw forbidden("errors.sessionWriteJson");
  }
}

/**
 * The language an API caller reads messages in: a browser session's saved choice, else Accept-Language,
 * else English. Error `code`s never change with it; clients decide by those.
 */
export function callerLocale(request: NextRequest): Locale {
  return negotiateLocale(request.cookies.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
}

async function resolveActor(request: NextRequest, address: string, upload: boolean): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  if (header) {
    // Guessing tokens counts against the caller's address, like wrong passwords.
    const locked = await lockedUntil(db, [addressKey(address)]);
    if (locked) throw rateLimited(retryAfterSeconds(locked));
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const found = match?.[1] ? await userForToken(db, match[1]) : null;
    if (!found) {
      await recordFailure(db, addressKey(address), ADDRESS_POLICY);
      throw refuse("unauthenticated", "errors.tokenInvalid");
    }
    const { user, prefix } = found;
    return {
      userId: user.id,
      role: user.role,
      name: user.name,
      email: user.email,
      label: `api:${prefix}`,
      locale: callerLocale(request),
    };
  }
  // Browser calls from the app carry the session cookie instead of a token.
  if (!request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"))) return null;
  const user = await getCurrentUser();
  if (!user) return null;
  checkCookieWrite(request, upload);
  return actorOf(user, "web", callerLocale(request));
}

/** Too many requests, in the caller's language, with when to try again. */
export const rateLimited = (retryAfter: number) =>
  new AppError("rate_limited", (locale) => ({
    message: phraseIn(locale, "errors.rateLimited"),
    details: { retryAfterSeconds: retryAfter },
  }));

/**
 * The JSON error for anything a handler throws: its own code, 503 when the database is away, else 500.
 * An AppError that can be worded in other languages is worded in `locale`.
 */
export function errorResponse(error: unknown, locale: Locale = DEFAULT_LOCALE): Response {
  if (error instanceof AppError) {
    const retry = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    const headers =
      error.code === "rate_limited" && retry
        ? { "Retry-After": String(retry) }
        : error.code === "unavailable"
          ? { "Retry-After": String(RETRY_AFTER_SECONDS) }
          : undefined;
    const said = error.in(locale);
    return apiError(error.code, said.message, said.details, headers);
  }
  if (isUnavailable(error)) {
    console.warn("Database unavailable:", error instanceof Error ? String(error.cause ?? error) : error);
    return apiError("unavailable", phraseIn(locale, "errors.unavailable"), null, {
      "Retry-After": String(RETRY_AFTER_SECONDS),
    });
  }
  logError("API request failed", error);
  return apiError("internal", phraseIn(locale, "errors.internalNothingSaved"));
}

const outage = (error: unknown) => isUnavailable(error) || (error instanceof AppError && error.code === "unavailable");

export type ApiContext<P> = { request: NextRequest; actor: Actor; params: P };

/**
 * Every `/api/v1` route: refuses hostile query strings, authenticates by bearer token (or the browser
 * session from this site), rate-limits per caller (in memory, shared through the database), checks the permission first, and
 * turns thrown errors into the JSON error shape.
 */
export function apiRoute<P = Record<string, string>>(
  options: { permission: Permission; upload?: boolean },
  handler: (ctx: ApiContext<P>) => Promise<Response>,
) {
  const run = async (request: NextRequest, context: { params: Promise<P> }) => {
    const hostile = hostileParam(request.nextUrl.searchParams);
    if (hostile) throw hostileRefusal("errors.invalidParameters", hostile);
    const address = clientAddress(request.headers);
    const actor = await resolveActor(request, address, options.upload ?? false);
    if (!actor) return apiError("unauthenticated", phraseIn(callerLocale(request), "errors.sendToken"));
    const limit = takeToken(`user:${actor.userId ?? actor.label}`);
    if (!limit.ok) throw rateLimited(limit.retryAfter);
    if (!can(actor.role, options.permission))
      return apiError("forbidden", phraseIn(callerLocale(request), "errors.forbidden"));
    return await handler({ request, actor, params: await context.params });
  };
  return async (request: NextRequest, context: { params: Promise<P> }) => {
    try {
      return await run(request, context);
    } catch (error) {
      // A read that met a connection the database had cut (a restart, a failover) is asked once more on a
      // fresh one: it changes nothing, and the caller gets its answer instead of a 503 it would retry anyway.
      if (request.method !== "GET" || !outage(error)) return errorResponse(error, callerLocale(request));
      try {
        return await run(request, context);
      } catch (again) {
        return errorResponse(again, callerLocale(request));
      }
    }
  };
}

const routeOperations = new WeakMap<object, AnyOperation>();

/** The operation a route handler runs, for the authorisation test to read its permission from. */
export function routeOperationOf(handler: unknown): AnyOperation | undefined {
  return typeof handler === "function" ? routeOperations.get(handler) : undefined;
}

/**
 * A route handler over one operation: `input` turns the request (query, params, body) into the
 * operation's raw input, the operation decides (permission, schema, policy), and `respond` shapes the
 * answer. The route's door checks the operation's own permission; the handler holds none of its own.
 */
export function operationRoute<S extends z.ZodType, R, P = Record<string, string>>(
  op: SomeOperation<S, R>,
  options: {
    input: (ctx: ApiContext<P>) => unknown;
    respond?: (data: R, ctx: ApiContext<P>) => Response | Promise<Response>;
    status?: number;
    upload?: boolean;
  },
) {
  const handler = apiRoute<P>({ permission: op.permission, upload: options.upload }, async (ctx) => {
    const result = await run(ctx.actor, op, await options.input(ctx));
    if ("error" in result) {
      // An outage is thrown, so the route answers 503 with Retry-After (and asks a read once more).
      if (result.error.code === "unavailable") throw new AppError("unavailable", result.error.message);
      return respond(result);
    }
    return options.respond ? options.respond(result.data, ctx) : respond(result, options.status);
  });
  routeOperations.set(handler, op as AnyOperation);
  return handler;
}

/** The query string as an object (repeated keys keep their last value), for an operation to parse. */
export const queryOf = (request: NextRequest) => Object.fromEntries(request.nextUrl.searchParams);

/** A JSON body within the size limit, unparsed by any schema: the operation's input parses it. */
export async function readBody(request: NextRequest, options: { empty?: unknown } = {}): Promise<unknown> {
  const text = (await readBodyLimited(request, MAX_JSON_BYTES)).toString("utf8");
  try {
    return options.empty !== undefined && !text.trim() ? options.empty : JSON.parse(text);
  } catch {
    throw invalidJson();
  }
}

/** The JSON body with the path's fields added (`{ ...body, id }`); a body that is not an object is left for the operation to refuse. */
export async function readBodyWith(request: NextRequest, fields: Record<string, string>): Promise<unknown> {
  const body = await readBody(request);
  return body && typeof body === "object" && !Array.isArray(body) ? { ...body, ...fields } : body;
}
