import { createLoader, createSerializer } from "nuqs/server";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parsingIn } from "@/lib/i18n/say";
import { REMEDIATION_PARAMS, readRemediationFilters, remediationListParsers } from "@/lib/remediation/filters";
import {
  complaintListParsers,
  FILTER_PARAMS,
  filtersToSearchParams,
  parseComplaintFilters,
  readComplaintFilters,
} from "./filters";

// The list's URL contract: what the server reads, the browser (nuqs) reads and writes the same.

const everything =
  "status=new,triaged&market=se,no&channel=consumer_agency&assignee=none&severity=high&journey_stage=after_purchase" +
  "&app_user=yes&received_from=2019-01-01&received_to=2019-06-30&overdue=true&excluded=no&external_id=X-1" +
  "&q=förfallodatum&sort=due.asc&page=3&per_page=50";

describe("the complaint list's URL contract", () => {
  it("round-trips every parameter through the server's reader and writer", () => {
    const filters = parseComplaintFilters(new URLSearchParams(everything));
    expect(filters).toMatchObject({
      status: ["new", "triaged"],
      market: ["SE", "NO"],
      journeyStage: ["after_purchase"],
      appUser: "yes",
      overdue: true,
      sort: { key: "due", direction: "asc" },
      page: 3,
      perPage: 50,
    });
    expect(parseComplaintFilters(filtersToSearchParams(filters))).toEqual(filters);
  });

  it("reads and writes the same values in the browser's nuqs parsers as on the server", () => {
    const serverSide = parseComplaintFilters(new URLSearchParams(everything));
    const load = createLoader(complaintListParsers, { urlKeys: FILTER_PARAMS });
    expect(load(new URLSearchParams(everything))).toEqual({
      ...serverSide,
      authority: [],
      product: [],
      category: [],
      rootCause: [],
    });
    // What nuqs writes, the server reads back unchanged.
    const serialize = createSerializer(complaintListParsers, { urlKeys: FILTER_PARAMS });
    const written = serialize(serverSide);
    expect(written).toContain("journey_stage=after_purchase");
    expect(parseComplaintFilters(new URLSearchParams(written))).toEqual(serverSide);
    // Defaults are left out of the URL by both.
    expect(serialize(parseComplaintFilters(new URLSearchParams("")))).toBe("");
    expect(filtersToSearchParams(parseComplaintFilters(new URLSearchParams(""))).toString()).toBe("");
  });

  it("leaves out what it cannot read on the page, and says what and why in words", () => {
    const { filters, problems } = readComplaintFilters(
      new URLSearchParams("status=new,lost&sort=password.asc&per_page=100000&overdue=perhaps&market=Sweden"),
    );
    expect(filters).toMatchObject({
      status: ["new"],
      sort: { key: "receivedOn", direction: "desc" },
      perPage: 25,
      overdue: false,
      market: [],
    });
    expect(problems.map((p) => [p.path, p.label, p.value])).toEqual([
      ["status.1", "Status", "lost"],
      ["market.0", "Market", "Sweden"],
      ["overdue", "Overdue", "perhaps"],
      ["sort", "Sort", "password.asc"],
      ["per_page", "Rows per page", "100000"],
    ]);
    const explanations = problems.map((p) => p.explanation);
    expect(explanations).toContain(
      "the list cannot be sorted that way, so it keeps its usual order; a column header sorts it",
    );
    expect(explanations).toContain("At most 200 rows per page");
    // No zod wording reaches a person.
    for (const text of explanations) expect(text).not.toMatch(/Invalid option|expected one of|received/);
  });

  it("refuses the same values by parameter name for the API", () => {
    expect(() => parseComplaintFilters(new URLSearchParams("sort=password.asc"))).toThrow(AppError);
    try {
      parseComplaintFilters(new URLSearchParams("received_from=2019-05-01&received_to=2019-01-01&status=lost"));
    } catch (error) {
      expect((error as AppError).details).toEqual([
        { path: "status.0", message: "Not a complaint status this list knows" },
        { path: "received_to", message: "The end date is before the start date" },
      ]);
    }
  });

  it("drops a bad value in the browser as it does on the server", () => {
    const load = createLoader(complaintListParsers, { urlKeys: FILTER_PARAMS });
    const loaded = load(new URLSearchParams("status=lost,new&sort=password.asc&page=-2"));
    expect(loaded).toMatchObject({ status: ["new"], sort: { key: "receivedOn", direction: "desc" }, page: 1 });
  });
});

describe("the remediation list's URL contract", () => {
  it("round-trips through the nuqs parsers and reads bad values as defaults with a reason", () => {
    const query = "status=approved,shipped&owner=00000000-0000-4000-8000-000000000001&sort=dueOn.asc&per_page=50";
    const { filters, problems } = readRemediationFilters(new URLSearchParams(query));
    expect(problems).toEqual([]);
    const serialize = createSerializer(remediationListParsers, { urlKeys: REMEDIATION_PARAMS });
    const load = createLoader(remediationListParsers, { urlKeys: REMEDIATION_PARAMS });
    expect(load(new URLSearchParams(serialize(filters)))).toEqual(filters);
    const bad = readRemediationFilters(new URLSearchParams("sort=nonsense.desc&status=done"));
    expect(bad.filters).toMatchObject({ status: [], sort: { key: "updatedAt", direction: "desc" } });
    expect(bad.problems.map((p) => p.param)).toEqual(["status", "sort"]);
  });
});

describe("page and rows per page", () => {
  const explained = (locale: "en" | "sv", query: string) =>
    parsingIn(locale, () => readComplaintFilters(new URLSearchParams(query))).problems.map((p) => p.explanation);
  const remediation = (locale: "en" | "sv", query: string) =>
    parsingIn(locale, () => readRemediationFilters(new URLSearchParams(query))).problems.map((p) => p.explanation);

  it("are refused past their limits in the reader's language", () => {
    expect(explained("sv", "per_page=100000&page=200000")).toEqual([
      "Det finns högst 100000 sidor",
      "Högst 200 rader per sida",
    ]);
    expect(explained("en", "per_page=100000&page=200000")).toEqual([
      "There are at most 100000 pages",
      "At most 200 rows per page",
    ]);
    expect(remediation("sv", "per_page=500")).toEqual(["Högst 200 rader per sida"]);
  });

  it("name themselves in the reader's language when they are not whole numbers from 1", () => {
    expect(explained("sv", "page=two&per_page=0")).toEqual([
      "Ange ett heltal för sida",
      "Ange ett heltal från 1 för rader per sida",
    ]);
    expect(remediation("en", "page=1.5")).toEqual(["Use a whole number for page"]);
  });

  it("are refused by parameter for the API in the caller's language", () => {
    try {
      parseComplaintFilters(new URLSearchParams("per_page=201"), "sv");
      expect.unreachable();
    } catch (error) {
      expect((error as AppError).in("sv").details).toEqual([{ path: "per_page", message: "Högst 200 rader per sida" }]);
    }
  });
});
