import { readFile } from "node:fs/promises";
import path from "node:path";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { runMutation } from "@/lib/auth/mutation";
import { AppError } from "@/lib/errors";
import { volumeImportSchema } from "@/lib/metric/validations";
import { importVolumes } from "@/lib/metric/volumes";
import type { CliCommand } from "../types";

export const commands: CliCommand[] = [
  {
    name: "import purchases",
    usage: "import purchases FILE",
    description: "Import purchase volumes (market,month,purchases[,product]); a re-imported month replaces its value",
    async run({ positionals }, { out, err }) {
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
      const result = await runMutation(
        CLI_ACTOR,
        { permission: "admin:manage", schema: volumeImportSchema },
        { text, fileName },
        (ctx) => importVolumes(ctx, { text: ctx.input.text, fileName: ctx.input.fileName, via: "cli" }),
      );
      if (!("data" in result)) {
        err(`Error: ${result.error.message}`);
        const details = Array.isArray(result.error.details)
          ? (result.error.details as { path: string; message: string }[])
          : [];
        for (const d of details.slice(0, 50)) err(`  ${d.path}: ${d.message}`);
        if (details.length > 50) err(`  … and ${details.length - 50} more`);
        return 1;
      }
      const { rows, inserted, updated, unchanged } = result.data;
      out(
        `Imported ${rows} row${rows === 1 ? "" : "s"} from ${fileName}: ${inserted} new, ${updated} replaced, ${unchanged} unchanged`,
      );
      return 0;
    },
  },
];
