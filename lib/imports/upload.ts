import "server-only";
import type { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { type MessageKey, phraseIn, refuse } from "@/lib/i18n/say";
import { readBodyLimited } from "@/lib/security/body";

export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/** The uploaded CSV from a multipart form (`file`) or a raw `text/csv` body (`?fileName=`). */
export async function readUpload(
  request: NextRequest,
): Promise<{ fileName: string; bytes: Buffer; fields: URLSearchParams }> {
  // Read with a cut-off whether or not Content-Length is sent: an endless body never sits in memory whole.
  const raw = await readBodyLimited(request, MAX_UPLOAD_BYTES + 64 * 1024, "The file").catch((error) => {
    if (error instanceof AppError && error.code === "too_large") throw refuse("too_large", "importRules.fileTooLarge");
    throw error;
  });
  const fields = new URLSearchParams(request.nextUrl.searchParams);
  const type = request.headers.get("content-type") ?? "";
  let fileName = fields.get("fileName") ?? "upload.csv";
  let bytes: Buffer;
  if (type.startsWith("multipart/form-data")) {
    const form = await new Response(new Uint8Array(raw.buffer as ArrayBuffer, raw.byteOffset, raw.byteLength), {
      headers: { "content-type": type },
    })
      .formData()
      .catch(() => {
        throw upload("importRules.notMultipart", "Invalid");
      });
    const file = form.get("file");
    if (!(file instanceof File)) throw upload("importRules.attachFile", "Required");
    fileName = file.name || fileName;
    bytes = Buffer.from(await file.arrayBuffer());
    for (const [key, value] of form.entries()) if (typeof value === "string") fields.set(key, value);
  } else {
    bytes = raw;
  }
  if (bytes.length > MAX_UPLOAD_BYTES) throw refuse("too_large", "importRules.fileTooLarge");
  if (bytes.length === 0) throw upload("importRules.fileEmpty", "Empty file");
  return { fileName: fileName.slice(0, 200), bytes, fields };
}

/**
 * A refused upload, in the reader's language; its details keep the API's shape (a list naming the
 * `file` field with a short code-like word, which API clients match on and is left as it is).
 */
function upload(message: MessageKey, code: string): AppError {
  return new AppError("invalid", (locale) => ({
    message: phraseIn(locale, message),
    details: [{ path: "file", message: code }],
  }));
}

export const flag = (value: string | null) => value === "1" || value === "true" || value === "on";
