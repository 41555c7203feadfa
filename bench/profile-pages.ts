// Sequential timings of pages and API reads against a running server: `tsx bench/profile-pages.ts <url> <n>`.
// A tool for finding where a request's time goes between bench runs (pair it with node --cpu-prof).
import { signIn } from "./server";

const [url = "http://127.0.0.1:3998", rounds = "20"] = process.argv.slice(2);

async function main() {
  const cookie = await signIn(url, "reviewer@demo.example", "demo-password-2019");
  const list = await fetch(`${url}/api/v1/complaints?pageSize=1`, { headers: { cookie } });
  const firstId = ((await list.json()) as { data: { id: string }[] }).data[0]?.id;
  const paths = [
    "/dashboard",
    "/complaints",
    `/complaints/${firstId}`,
    "/reports/root-causes",
    `/api/v1/complaints/${firstId}`,
    "/api/v1/complaints?status=analysed&sort=-receivedOn",
  ];
  for (const path of paths) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < Number(rounds); i++) {
      const start = performance.now();
      const res = await fetch(`${url}${path}`, { headers: { cookie } });
      bytes = (await res.text()).length;
      times.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)] ?? 0;
    console.log(`${path.padEnd(60)} median ${median.toFixed(1)} ms  min ${times[0]?.toFixed(1)} ms  ${bytes} bytes`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
