import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { readBodyLimited } from "./body";

function streamOf(chunks: number, size: number, onPull: () => void) {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull();
      if (sent++ >= chunks) controller.close();
      else controller.enqueue(new Uint8Array(size));
    },
  });
}

const post = (body: BodyInit | ReadableStream, headers: Record<string, string> = {}) =>
  new Request("http://x/", { method: "POST", body, headers, duplex: "half" } as RequestInit);

describe("readBodyLimited", () => {
  it("returns a body within the limit", async () => {
    expect((await readBodyLimited(post("hello"), 10)).toString()).toBe("hello");
  });

  it("refuses a declared length past the limit without reading", async () => {
    let pulls = 0;
    const request = post(
      streamOf(100, 1024, () => pulls++),
      { "content-length": "102400" },
    );
    await expect(readBodyLimited(request, 1024)).rejects.toMatchObject({ code: "too_large" });
    expect(pulls).toBeLessThanOrEqual(1);
  });

  it("stops reading an undeclared body as soon as it passes the limit", async () => {
    let pulls = 0;
    const error = await readBodyLimited(post(streamOf(10_000, 64 * 1024, () => pulls++)), 256 * 1024).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("too_large");
    // 5 chunks pass the limit; a few more may be queued, never the 10,000 offered.
    expect(pulls).toBeLessThan(10);
  });
});
