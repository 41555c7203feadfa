import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const { clientAddressOf, trustedList } = createRequire(import.meta.url)("../../scripts/client-address.cjs");

describe("clientAddressOf", () => {
  it("trusts no proxy by default: the socket's address wins over any header", () => {
    const none = trustedList("");
    expect(clientAddressOf("203.0.113.9", "", none)).toBe("203.0.113.9");
    expect(clientAddressOf("::ffff:203.0.113.9", "", none)).toBe("203.0.113.9");
  });

  it("walks back through trusted proxies only", () => {
    const proxies = trustedList("10.0.0.0/8, 192.0.2.1");
    expect(clientAddressOf("10.1.2.3", "198.51.100.7", proxies)).toBe("198.51.100.7");
    // A client's own forged entries sit left of the address the proxy saw: they are never reached.
    expect(clientAddressOf("10.1.2.3", "1.1.1.1, 198.51.100.7", proxies)).toBe("198.51.100.7");
    expect(clientAddressOf("10.1.2.3", "1.1.1.1, 198.51.100.7, 192.0.2.1", proxies)).toBe("198.51.100.7");
    expect(clientAddressOf("10.1.2.3", "garbage", proxies)).toBe("10.1.2.3");
  });

  it("refuses a malformed TRUSTED_PROXIES", () => {
    expect(() => trustedList("not-an-ip")).toThrow(/TRUSTED_PROXIES/);
  });
});
