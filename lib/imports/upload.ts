import "server-only";
import type { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";

export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/** The uploaded CSV from a multipart form (`file`) or a raw `text/csv` body (`?fileName=`). */
export async function readUpload(
  request: NextRequest,
): Promise<{ fileName: string; bytes: Buffer; fields: URLSearchParams }> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_UPLOAD_BYTES)
    throw new AppError("too_large", "The file is larger than 100 MB; import it with the command line");
  const fields = new URLSearchParams(request.nextUrl.searchParams);
  const type = request.headers.get("content-type") ?? "";
  let fileName = fields.get("fileName") ?? "upload.csv";
  let bytes: Buffer;
  if (type.startsWith("multipart/form-data")) {
    const form = await request.formData();
    const file = form.get("file");
    if (!(file instanceof File))
      throw new AppError("invalid", "Attach the CSV as the form field `file`", [{ path: "file", message: "Required" }]);
    fileName = file.name || fileName;
    bytes = Buffer.from(await file.arrayBuffer());
    for (const [key, value] of form.entries()) if (typeof value === "string") fields.set(key, value);
  } else {
    bytes = Buffer.from(await request.arrayBuffer());
  }
  if (bytes.length > MAX_UPLOAD_BYTES)
    throw new AppError("too_large", "The file is larger than 100 MB; import it with the command line");
  if (bytes.length === 0) throw new AppError("invalid", "The file is empty", [{ path: "file", message: "Empty file" }]);
  return { fileName: fileName.slice(0, 200), bytes, fields };
}

export const flag = (value: string | null) => value === "1" || value === "true" || value === "on";
