import { NextRequest } from "next/server";
import { db } from "@/db";
import { createApiToken } from "@/lib/auth/tokens";

/** A JSON request to a route handler, with a bearer token when given; a string body is sent as is. */
export function jsonRequest(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  return new NextRequest(`http://localhost${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
}

export const noParams = { params: Promise.resolve({}) };
export const idParams = (id: string) => ({ params: Promise.resolve({ id }) });

/** An API token for each named user. */
export async function tokensFor<K extends string>(people: Record<K, { id: string }>): Promise<Record<K, string>> {
  const tokens: Partial<Record<K, string>> = {};
  for (const key of Object.keys(people) as K[]) tokens[key] = (await createApiToken(db, people[key].id, "test")).token;
  return tokens as Record<K, string>;
}
