import "server-only";
import { z } from "zod";
import { refuse } from "@/lib/i18n/say";
import { defineRead } from "@/lib/operations";
import { getAgreementSample, listAgreementSamples } from "./agreement-queries";

export type { AgreementResults, SampleDetail } from "./agreement-queries";

// Tagging agreement is the coders' work: those who tag complaints (complaints:write), as the pages require.

/** Every agreement sample with its coders, progress and kappa. */
export const readAgreementSamples = defineRead({
  name: "root-causes.readAgreementSamples",
  permission: "complaints:write",
  input: z.object({}),
  read: () => listAgreementSamples(),
});

/** One sample as the reader sees it: their own codes only until both coders have finished. */
export const readAgreementSample = defineRead({
  name: "root-causes.readAgreementSample",
  permission: "complaints:write",
  input: z.object({ id: z.uuid() }),
  read: async ({ actor, input }) => {
    const sample = await getAgreementSample(input.id, actor.userId, actor.locale);
    if (!sample) throw refuse("not_found", "rootCauseRules.agreementSampleNotFound");
    return sample;
  },
});
