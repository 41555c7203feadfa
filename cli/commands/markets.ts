import { CLI_ACTOR } from "@/lib/auth/actor";
import { perform } from "@/lib/operations";
import { SEARCH_LANGUAGES } from "@/lib/taxonomies/countries";
import { createMarket, listMarkets, reindexMarketComplaints, setMarketLanguage } from "@/lib/taxonomies/markets";
import { failure } from "../failure";
import type { CliCommand } from "../types";

// The schema calls it searchLanguage; the command line --language.
function asOptions<T extends { fieldErrors?: Record<string, string[]> }>(result: T): T {
  const errors = result.fieldErrors;
  if (!errors?.searchLanguage) return result;
  const { searchLanguage, ...rest } = errors;
  return { ...result, fieldErrors: { ...rest, language: searchLanguage } };
}

export const commands: CliCommand[] = [
  {
    name: "market create",
    usage: "market create --code NO --name Norge --language norwegian",
    description: `Create a market (ISO 3166-1 alpha-2 code; language: ${SEARCH_LANGUAGES.join(", ")})`,
    options: {
      code: { type: "string", description: "ISO 3166-1 alpha-2 country code" },
      name: { type: "string", description: "The market's name" },
      language: { type: "string", description: "Text-search language of its complaints" },
    },
    async run({ options }, { out }) {
      const result = await perform(CLI_ACTOR, createMarket, {
        code: options.code,
        name: options.name,
        searchLanguage: options.language,
      });
      if (!("data" in result)) failure(asOptions(result));
      const m = result.data;
      out(`Created market ${m.code} ${m.name} (search language ${m.searchLanguage})`);
      return 0;
    },
  },
  {
    name: "market language",
    usage: "market language --code NO --language norwegian",
    description: "Change a market's search language and re-index its complaints (in batches, while the app runs)",
    options: {
      code: { type: "string", description: "The market's code" },
      language: { type: "string", description: "Text-search language of its complaints" },
    },
    async run({ options }, { out, err }) {
      const result = await perform(CLI_ACTOR, setMarketLanguage, {
        code: options.code,
        searchLanguage: options.language,
      });
      if (!("data" in result)) failure(asOptions(result));
      const m = result.data;
      err(`Re-indexing the complaints of ${m.code}…`);
      const reindexed = await perform(CLI_ACTOR, reindexMarketComplaints, { code: m.code });
      if (!("data" in reindexed)) failure(reindexed);
      const n = reindexed.data;
      out(`${m.code} is searched in ${m.searchLanguage}; ${n} complaint${n === 1 ? "" : "s"} re-indexed`);
      return 0;
    },
  },
  {
    name: "market list",
    usage: "market list",
    description: "List the markets with their search language",
    async run(_args, { out }) {
      const result = await perform(CLI_ACTOR, listMarkets, {});
      if (!("data" in result)) failure(result);
      const rows = result.data;
      if (!rows.length) out("No markets yet: market create, or db seed --reference after creating them.");
      for (const m of rows) out([m.code, m.name, m.searchLanguage, m.active ? "active" : "inactive"].join("\t"));
      return 0;
    },
  },
];
