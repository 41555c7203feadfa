import "server-only";
import { type NextRequest, NextResponse } from "next/server";
import type { z } from "zod";
import { db } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import type { MutationResult } from "@/lib/auth/mutation";
import { can, type Permission } from "@/lib/auth/roles";
import { actorOf, getCurrentUser } from "@/lib/auth/session";
import { userForToken } from "@/lib/auth/tokens";
import { AppError, type ErrorCode, HTTP_STATUS } from "@/lib/errors";
import { logError } from "@/lib/log";
import { fieldErrorsOf } from "@/lib/validation";
import { takeToken } from "./rate-limit";

export const MAX_JSON_BYTES = 1024 * 1024;

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

async function resolveActor(request: NextRequest): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const found = match ? await userForToken(db, match[1]) : null;
    if (!found) throw new AppError("unauthenticated", "The API token is missing, invalid or revoked");
    const { user, prefix } = found;
    return { userId: user.id, role: user.role, name: user.name, email: user.email, label: `api:${prefix}` };
  }
  // Browser calls from the app carry the session cookie instead of a token.
  if (!request.cookies.getAll().some((c) => c.name.endsWith("authjs.session-token"))) return null;
  const user = await getCurrentUser();
  return user ? actorOf(user) : null;
}

export type ApiContext<P> = { request: NextRequest; actor: Actor; params: P };

/**
 * Every `/api/v1` route: authenticates by bearer token (or the browser session), rate-limits per
 * caller, checks the permission first, and turns thrown errors into the JSON error shape.
 */
export function apiRoute<P = Record<string, string>>(
  options: { permission: Permission },
  handler: (ctx: ApiContext<P>) => Promise<Response>,
) {
  return async (request: NextRequest, context: { params: Promise<P> }) => {
    try {
      const actor = await resolveActor(request);
      if (!actor) return apiError("unauthenticated", "Send an API token as `Authorization: Bearer <token>`");
      const limit = takeToken(actor.userId ?? actor.label);
      if (!limit.ok) {
        return apiError(
          "rate_limited",
          "Too many requests; slow down",
          { retryAfterSeconds: limit.retryAfter },
          {
            "Retry-After": String(limit.retryAfter),
          },
        );
      }
      if (!can(actor.role, options.permission)) return apiError("forbidden", "Your role may not do this");
      return await handler({ request, actor, params: await context.params });
    } catch (error) {
      if (error instanceof AppError) return apiError(error.code, error.message, error.details);
      logError("API request failed", error);
      return apiError("internal", "Something went wrong; nothing was saved");
    }
  };
}

/** Reads a JSON body within the size limit and validates it; throws 400/413 as AppError. */
export async function readJson<S extends z.ZodType>(request: NextRequest, schema: S): Promise<z.output<S>> {
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) throw new AppError("too_large", "The request body is larger than 1 MB");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("invalid", "The request body is not valid JSON", [{ path: "", message: "Invalid JSON" }]);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new AppError("invalid", "Some fields are invalid", fieldDetails(fieldErrorsOf(parsed.error)));
  return parsed.data;
}
