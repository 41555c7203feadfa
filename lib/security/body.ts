import { AppError } from "@/lib/errors";
import { type MessageKey, phraseIn } from "@/lib/i18n/say";

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Reads a request body up to `limit` bytes and stops there: a declared `Content-Length` past the limit
 * is refused before reading, and an undeclared (chunked) body is cut off as soon as it passes it, so an
 * oversized body never sits in memory whole. Throws 413 as an AppError.
 */
// What the callers call their bodies, said in each language; other text is said as given.
const SUBJECTS: Record<string, MessageKey> = {
  "The request body": "adminRules.body.requestBody",
  "The file": "adminRules.body.file",
  "The sign-in request": "adminRules.body.signInRequest",
};

export async function readBodyLimited(request: Request, limit: number, what = "The request body"): Promise<Buffer> {
  const subject = SUBJECTS[what];
  const tooLarge = () =>
    new AppError("too_large", (locale) => ({
      message: phraseIn(locale, [
        "adminRules.body.tooLarge",
        { what: subject ? phraseIn(locale, subject) : what, size: megabytes(limit) },
      ]),
    }));
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await request.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}
