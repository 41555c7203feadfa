import { readFile } from "node:fs/promises";
import path from "node:path";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { importPurchaseVolumes } from "@/lib/metric/operations";
import { run } from "@/lib/operations";
import { describeCreated } from "@/lib/taxonomies/create-missing";
import type { CliCommand } from "../types";

export const commands: CliCommand[] = [
  {
    name: "import purchases",
    usage: "import purchases FILE [--create-missing]",
    description:
      "Import purchase volumes (market,month,purchases[,product]); a re-imported month replaces its value; --create-missing creates unknown markets and products",
    options: {
      "create-missing": { type: "boolean", description: "Create unknown markets (ISO codes) and products" },
    },
    async run({ positionals, options }, { out, err }) {
      const [file] = positionals;
      if (!file || positionals.length > 1) throw new AppError("invalid", "Give one file: import purchases FILE");
      let text: string;
      try {
        text = await readFile(file, "utf8");
      } catch (error) {
        throw new AppError(
          "invalid",
          `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        );
      }
      const fileName = path.basename(file);
      const result = await run(CLI_ACTOR, importPurchaseVolumes, {
        text,
        fileName,
        createMissing: options["create-missing"] === true,
      });
      if (!("data" in result)) {
        err(`Error: ${result.error.message}`);
        const details = Array.isArray(result.error.details)
          ? (result.error.details as { path: string; message: string }[])
          : [];
        for (const d of details.slice(0, 50)) err(`  ${d.path}: ${d.message}`);
        if (details.length > 50) err(`  … and ${details.length - 50} more`);
        return 1;
      }
      const { rows, inserted, updated, unchanged, created } = result.data;
      out(
        `Imported ${rows} row${rows === 1 ? "" : "s"} from ${fileName}: ${inserted} new, ${updated} replaced, ${unchanged} unchanged`,
      );
      for (const line of describeCreated(created)) out(`Created ${line}`);
      return 0;
    },
  },
];
