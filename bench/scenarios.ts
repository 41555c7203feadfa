// What the bench asks the server: the requests users make, with values sampled from the loaded data.
import type postgres from "postgres";
import { first } from "@/lib/must";
import type { Scenario } from "./http";
import { type CfpbCorpus, swedishVocabulary } from "./text";

/** English words by how many CFPB sentences use them: a few common ones and a few rare ones. */
function englishWords(corpus: CfpbCorpus) {
  const counts = new Map<string, number>();
  for (const s of corpus.sentences)
    for (const w of new Set(s.toLowerCase().split(/[^a-z]+/)))
      if (w.length >= 8) counts.set(w, (counts.get(w) ?? 0) + 1);
  const rare = [...counts.entries()]
    .filter(([w, n]) => n >= 2 && n <= 4 && !/x{2,}/.test(w))
    .map(([w]) => w)
    .sort()
    .slice(0, 200);
  return { rare: [rare[7], rare[71], rare[143]].filter((w): w is string => Boolean(w)) };
}

export async function buildScenarios(sql: postgres.Sql, corpus: CfpbCorpus): Promise<Scenario[]> {
  const sample = await sql<{ id: string; reference: string; external_id: string; customer_ref: string | null }[]>`
    select id, reference, external_id, customer_ref from complaints tablesample system (1) repeatable (42)
    where source = 'default' limit 1000`;
  if (sample.length < 10) throw new Error("Too few complaints to sample for the bench");
  const product = first(await sql<{ id: string }[]>`select id::text from products order by name limit 1`, "product");
  const vocabulary = swedishVocabulary();
  const longWords = (from: number, to: number) => vocabulary.slice(from, to).filter((w) => w.length >= 6);
  const svCommon = longWords(5, 60).slice(0, 3);
  const svRare = longWords(4000, 6000)
    .filter((_, i) => i % 97 === 0)
    .slice(0, 3);
  const svTwo = longWords(60, 400);
  const en = englishWords(corpus);
  const q = (text: string) => `/api/v1/complaints?q=${encodeURIComponent(text)}`;
  const ids = sample.map((r) => r.id);

  return [
    {
      name: "list API: filters and sorts",
      target: 150,
      auth: "token",
      paths: [
        "/api/v1/complaints",
        "/api/v1/complaints?status=in_analysis&market=SE&sort=receivedOn.desc&page=3",
        "/api/v1/complaints?market=NO&severity=high&sort=receivedOn.desc",
        "/api/v1/complaints?channel=consumer_agency&received_from=2018-01-01&received_to=2018-12-31&sort=receivedOn.asc&page=2",
        "/api/v1/complaints?status=new,triaged&sort=updatedAt.desc",
        `/api/v1/complaints?product=${product.id}&status=closed`,
      ],
    },
    {
      name: "search: common English words",
      target: 300,
      auth: "token",
      paths: ["credit report", "identity theft", "late fee", "account"].map(q),
    },
    { name: "search: rare English words", target: 300, auth: "token", paths: en.rare.map(q) },
    { name: "search: common Swedish words", target: 300, auth: "token", paths: svCommon.map(q) },
    { name: "search: rare Swedish words", target: 300, auth: "token", paths: svRare.map(q) },
    {
      name: "search: two Swedish words",
      target: 300,
      auth: "token",
      paths: [0, 1, 2].map((i) => q(`${svTwo[i * 7]} ${svTwo[i * 11 + 3]}`)),
    },
    {
      name: "search: a reference",
      target: 150,
      auth: "token",
      paths: sample.slice(0, 10).map((r, i) => q(i % 2 ? r.reference : String(Number(r.reference.split("-")[2])))),
    },
    {
      name: "search: an external id",
      target: 150,
      auth: "token",
      paths: sample.slice(10, 20).map((r) => q(r.external_id)),
    },
    {
      name: "search: a customer reference",
      target: 150,
      auth: "token",
      paths: sample
        .slice(20, 60)
        .flatMap((r) => (r.customer_ref ? [q(r.customer_ref)] : []))
        .slice(0, 10),
    },
    {
      name: "complaint API",
      target: 100,
      auth: "token",
      paths: ids.slice(60, 100).map((id) => `/api/v1/complaints/${id}`),
    },
    {
      name: "metric API",
      target: 100,
      auth: "token",
      paths: [
        "/api/v1/metrics/zero-mission",
        "/api/v1/metrics/zero-mission?market=SE",
        "/api/v1/metrics/zero-mission?market=NO&from=2018-01&to=2019-12",
      ],
    },
    {
      name: "root-cause report API",
      target: 300,
      auth: "token",
      paths: [
        "/api/v1/reports/root-causes?from=2019-01&to=2019-12",
        "/api/v1/reports/root-causes?market=SE&from=2018-01&to=2019-12",
        `/api/v1/reports/root-causes?from=2019-01&to=2019-06&product=${product.id}`,
        "/api/v1/reports/root-causes?from=2019-01&to=2019-12&channel=consumer_agency",
      ],
    },
    { name: "dashboard page", target: 400, auth: "cookie", paths: ["/dashboard", "/dashboard?market=SE"] },
    {
      name: "list page",
      target: 400,
      auth: "cookie",
      paths: ["/complaints", "/complaints?status=in_analysis&market=SE", "/complaints?q=late%20fee"],
    },
    {
      name: "complaint page",
      target: 400,
      auth: "cookie",
      paths: ids.slice(100, 120).map((id) => `/complaints/${id}`),
    },
    {
      // The similar complaints a complaint page shows are kept from one view to the next
      // (lib/suggestions/engine.ts): this is the first view, which looks for them.
      name: "complaint page, first view",
      target: 400,
      auth: "cookie",
      firstViews: true,
      paths: ids.slice(200, 1000).map((id) => `/complaints/${id}`),
    },
    {
      name: "root-cause report page",
      target: 400,
      auth: "cookie",
      paths: ["/reports/root-causes", "/reports/root-causes?market=SE&from=2018-01&to=2019-12"],
    },
  ];
}
