import "server-only";
import { asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db";
import { rowsOf } from "@/db/rows";
import { agreementSamples, users } from "@/db/schema";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { phraseIn } from "@/lib/i18n/say";
import { type CodePair, cohensKappa, type Kappa, kappaFor } from "./kappa";

const coderA = alias(users, "coder_a");
const coderB = alias(users, "coder_b");

export type SampleSummary = {
  id: string;
  name: string;
  coderA: { id: string; name: string };
  coderB: { id: string; name: string };
  size: number;
  codedA: number;
  codedB: number;
  createdAt: Date;
  /** Once both coders have coded every complaint; never earlier, so neither is swayed. */
  kappa: Kappa | null;
};

async function loadSamples(where?: ReturnType<typeof sql>) {
  const rows = await db
    .select({
      id: agreementSamples.id,
      name: agreementSamples.name,
      createdAt: agreementSamples.createdAt,
      coderAId: agreementSamples.coderA,
      coderAName: coderA.name,
      coderBId: agreementSamples.coderB,
      coderBName: coderB.name,
      size: sql<number>`(select count(*)::int from agreement_sample_complaints m where m.sample_id = ${agreementSamples.id})`,
      codedA: sql<number>`(select count(*)::int from agreement_codings k where k.sample_id = ${agreementSamples.id} and k.coder_id = ${agreementSamples.coderA})`,
      codedB: sql<number>`(select count(*)::int from agreement_codings k where k.sample_id = ${agreementSamples.id} and k.coder_id = ${agreementSamples.coderB})`,
    })
    .from(agreementSamples)
    .innerJoin(coderA, eq(coderA.id, agreementSamples.coderA))
    .innerJoin(coderB, eq(coderB.id, agreementSamples.coderB))
    .where(where)
    .orderBy(desc(agreementSamples.createdAt), asc(agreementSamples.name));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    createdAt: r.createdAt,
    coderA: { id: r.coderAId, name: r.coderAName },
    coderB: { id: r.coderBId, name: r.coderBName },
    size: Number(r.size),
    codedA: Number(r.codedA),
    codedB: Number(r.codedB),
  }));
}

const complete = (s: { size: number; codedA: number; codedB: number }) => s.codedA >= s.size && s.codedB >= s.size;

type SampleRow = {
  position: number;
  complaint_id: string;
  reference: string;
  summary: string;
  narrative: string | null;
  market: string;
  received_on: string;
  product: string | null;
  category: string | null;
  a: string | null;
  b: string | null;
  coded_a: boolean;
  coded_b: boolean;
};

/** A sample's complaints in its order, each with both coders' codes. */
async function sampleRows(sampleId: string, a: string, b: string) {
  return rowsOf<SampleRow>(
    await db.execute(sql`
      select m.position, m.complaint_id::text, c.reference, c.summary, c.narrative, c.market, c.received_on::text,
             p.name as product, case when pc.name is null then cat.name else pc.name || ' > ' || cat.name end as category,
             ka.root_cause_id::text as a, kb.root_cause_id::text as b, ka.coder_id is not null as coded_a, kb.coder_id is not null as coded_b
      from agreement_sample_complaints m
      join complaints c on c.id = m.complaint_id
      left join products p on p.id = c.product_id
      left join categories cat on cat.id = c.category_id
      left join categories pc on pc.id = cat.parent_id
      left join agreement_codings ka on ka.sample_id = m.sample_id and ka.complaint_id = m.complaint_id and ka.coder_id = ${a}
      left join agreement_codings kb on kb.sample_id = m.sample_id and kb.complaint_id = m.complaint_id and kb.coder_id = ${b}
      where m.sample_id = ${sampleId}
      order by m.position`),
  );
}

export async function listAgreementSamples(): Promise<SampleSummary[]> {
  const samples = await loadSamples();
  return Promise.all(
    samples.map(async (s) => {
      if (!complete(s)) return { ...s, kappa: null };
      const pairs = await sampleRows(s.id, s.coderA.id, s.coderB.id);
      return { ...s, kappa: cohensKappa(pairs.map(({ a, b }) => ({ a, b }))) };
    }),
  );
}

export type SampleItem = {
  position: number;
  complaintId: string;
  reference: string;
  summary: string;
  narrative: string | null;
  market: string;
  receivedOn: string;
  product: string | null;
  category: string | null;
};

export type AgreementResults = {
  overall: Kappa;
  causes: { id: string | null; name: string; kappa: Kappa; byA: number; byB: number }[];
  /** Codes in matrix order; the matrix counts coder A's code (row) against coder B's (column). */
  codes: { id: string | null; name: string }[];
  matrix: number[][];
  disagreements: { position: number; complaintId: string; reference: string; a: string; b: string }[];
};

export type SampleDetail = SampleSummary & {
  /** Whether the viewer is one of the coders, and which. */
  viewerCoder: "a" | "b" | null;
  items: SampleItem[];
  /** The viewer's own codes by complaint (coders only); undefined = not coded yet, null = none of these. */
  myCodes: Record<string, string | null>;
  /** Once both coders have coded everything (for everyone: the codes are final then). */
  results: AgreementResults | null;
};

/** One sample as `viewerId` sees it; what is not data ("None of these") is named in `locale`. */
export async function getAgreementSample(
  id: string,
  viewerId: string | null,
  locale: Locale = DEFAULT_LOCALE,
): Promise<SampleDetail | null> {
  const [sample] = await loadSamples(sql`${agreementSamples.id} = ${id}`);
  if (!sample) return null;
  const viewerCoder = viewerId === sample.coderA.id ? "a" : viewerId === sample.coderB.id ? "b" : null;
  const [pairs, names] = await Promise.all([
    sampleRows(id, sample.coderA.id, sample.coderB.id),
    db
      .execute(sql`select id::text, name from root_causes`)
      .then((r) => new Map(rowsOf<{ id: string; name: string }>(r).map((n) => [n.id, n.name]))),
  ]);
  const myCodes: Record<string, string | null> = {};
  if (viewerCoder) {
    for (const p of pairs)
      if (viewerCoder === "a" ? p.coded_a : p.coded_b) myCodes[p.complaint_id] = viewerCoder === "a" ? p.a : p.b;
  }
  // Results show once both coders have finished and their codes are final: earlier, anyone who saw
  // them could let one coder know the other's codes.
  const mayCompare = complete(sample);
  const both = pairs.filter((p) => p.coded_a && p.coded_b);
  const nameOf = (code: string | null) =>
    code
      ? (names.get(code) ?? phraseIn(locale, "dashboard.cells.unknownRootCause"))
      : phraseIn(locale, "agreement.results.none");

  let results: AgreementResults | null = null;
  if (mayCompare && both.length) {
    const codePairs: CodePair[] = both.map(({ a, b }) => ({ a, b }));
    const used = [...new Set(codePairs.flatMap((p) => [p.a, p.b]))].sort((x, y) =>
      x === null ? 1 : y === null ? -1 : nameOf(x).localeCompare(nameOf(y)),
    );
    const counts = new Map<string | null, Map<string | null, number>>();
    for (const p of codePairs) {
      const row = counts.get(p.a) ?? new Map<string | null, number>();
      row.set(p.b, (row.get(p.b) ?? 0) + 1);
      counts.set(p.a, row);
    }
    const matrix = used.map((a) => used.map((b) => counts.get(a)?.get(b) ?? 0));
    results = {
      overall: cohensKappa(codePairs),
      causes: used
        .filter((code): code is string => code !== null)
        .map((code) => ({
          id: code,
          name: nameOf(code),
          kappa: kappaFor(codePairs, code),
          byA: codePairs.filter((p) => p.a === code).length,
          byB: codePairs.filter((p) => p.b === code).length,
        })),
      codes: used.map((code) => ({ id: code, name: nameOf(code) })),
      matrix,
      disagreements: both
        .filter((p) => p.a !== p.b)
        .map((p) => ({
          position: p.position,
          complaintId: p.complaint_id,
          reference: p.reference,
          a: nameOf(p.a),
          b: nameOf(p.b),
        })),
    };
  }
  return {
    ...sample,
    kappa: results?.overall ?? null,
    viewerCoder,
    items: pairs.map((i) => ({
      position: i.position,
      complaintId: i.complaint_id,
      reference: i.reference,
      summary: i.summary,
      narrative: i.narrative,
      market: i.market,
      receivedOn: i.received_on,
      product: i.product,
      category: i.category,
    })),
    myCodes,
    results,
  };
}
