import { CLI_ACTOR } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { run } from "@/lib/operations";
import { eraseCustomerData } from "@/lib/privacy/operations";
import { failure } from "../failure";
import type { CliCommand } from "../types";

export const commands: CliCommand[] = [
  {
    name: "privacy erase",
    usage: "privacy erase --customer-ref REF [--dry-run] [--reason TEXT]",
    description: "Erase a customer's personal data from every complaint with their customer reference",
    options: {
      "customer-ref": { type: "string", description: "The customer reference the request names" },
      "dry-run": { type: "boolean", description: "Only list the complaints it covers" },
      reason: { type: "string", description: "Why, e.g. the request's reference" },
    },
    async run({ options, positionals }, { out, err }) {
      if (positionals.length) throw new AppError("invalid", `Unexpected argument: ${positionals[0]}`);
      const customerRef = options["customer-ref"];
      if (typeof customerRef !== "string" || !customerRef.trim())
        throw new AppError("invalid", "Give the customer reference: --customer-ref REF");
      const dryRun = !!options["dry-run"];
      const reason = typeof options.reason === "string" ? options.reason : undefined;
      const result = await run(CLI_ACTOR, eraseCustomerData, { customerRef, dryRun, reason });
      if (!("data" in result)) failure(result);
      const erasure = result.data;
      err(
        erasure.complaints.length === 0
          ? "No complaint has that customer reference."
          : `${erasure.complaints.length} complaint(s): ${erasure.complaints.map((c) => c.reference).join(", ")}; ${dryRun ? "nothing erased (dry run)" : `${erasure.erased} erased, ${erasure.uploadsCleared} stored upload(s) dropped`}`,
      );
      out(JSON.stringify(erasure));
      return 0;
    },
  },
];
