// `server-only` throws outside a React Server Components bundle; tests import server modules directly.
import { vi } from "vitest";

vi.mock("server-only", () => ({}));
process.env.AUTH_SECRET ??= "test-secret-not-for-production-0123456789";
// Tests write their fixtures straight into the database, past the operations that would forget shared
// reads; lib/operations/shared-reads.test.ts turns them on.
process.env.READ_CACHE_SECONDS ??= "0";
