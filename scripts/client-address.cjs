// Preloaded into the server process (`node --require`): decides each request's client address from the
// socket, trusting X-Forwarded-For only as far as it was written by proxies listed in TRUSTED_PROXIES
// (IP addresses or CIDR ranges, comma-separated; none by default), and writes the verdict as the one
// X-Forwarded-For entry the app reads. Next only fills that header when it is absent, so without this a
// client could name any address it liked and walk round every per-address limit.
const http = require("node:http");
const net = require("node:net");

function trustedList(spec) {
  const list = new net.BlockList();
  for (const raw of (spec ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address, bits] = entry.split("/");
    const family = net.isIPv6(address) ? "ipv6" : "ipv4";
    if (!net.isIP(address)) throw new Error(`TRUSTED_PROXIES: not an IP address or range: ${entry}`);
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return list;
}

const normalise = (address) => (address ?? "").trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");

function isTrusted(list, address) {
  const family = net.isIP(address);
  return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** The client: walking from the socket back through X-Forwarded-For, the first hop not a trusted proxy. */
function clientAddressOf(peer, forwardedFor, list) {
  const hops = [
    ...String(forwardedFor ?? "")
      .split(",")
      .map(normalise)
      .filter(Boolean),
  ];
  let client = normalise(peer) || "unknown";
  while (isTrusted(list, client) && hops.length) {
    const next = hops.pop();
    if (!net.isIP(next)) break;
    client = next;
  }
  return client;
}

function install() {
  if (globalThis.__clientAddressInstalled) return;
  globalThis.__clientAddressInstalled = true;
  const list = trustedList(process.env.TRUSTED_PROXIES);
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, req, ...rest) {
    if (event === "request" && req?.headers) {
      const peer = req.socket?.remoteAddress;
      const viaProxy = isTrusted(list, normalise(peer));
      req.headers["x-forwarded-for"] = clientAddressOf(peer, viaProxy ? req.headers["x-forwarded-for"] : "", list);
      // Only a trusted proxy may say the request came over HTTPS.
      if (!viaProxy) delete req.headers["x-forwarded-proto"];
    }
    return emit.call(this, event, req, ...rest);
  };
}

module.exports = { clientAddressOf, trustedList, install };
if (require.main !== module && process.env.CLIENT_ADDRESS_PRELOAD === "1") install();
