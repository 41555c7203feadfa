import { describe, expect, it } from "vitest";
import { openDatabase } from "./client";

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)("a PostgreSQL connection of the web server", () => {
  it("carries its work_mem, no JIT and its statement timeout together", async () => {
    const before = process.env.NEXT_RUNTIME;
    process.env.NEXT_RUNTIME = "nodejs";
    const handle = openDatabase({ url: url ?? "", max: 1 });
    try {
      const [row] = await handle.sql!`
        select current_setting('work_mem') as work_mem, current_setting('jit') as jit,
               current_setting('statement_timeout') as statement_timeout`;
      expect(row).toEqual({ work_mem: "32MB", jit: "off", statement_timeout: "30s" });
    } finally {
      if (before === undefined) delete process.env.NEXT_RUNTIME;
      else process.env.NEXT_RUNTIME = before;
      await handle.close();
    }
  });
});
