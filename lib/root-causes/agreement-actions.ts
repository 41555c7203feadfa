"use server";

import { mutationAction, revalidatePaths } from "@/lib/auth/action";
import { createAgreementSample, saveAgreementCoding } from "./agreement";

export const createAgreementSampleAction = mutationAction(createAgreementSample, () => revalidatePaths(["/agreement"]));

export const saveAgreementCodingAction = mutationAction(saveAgreementCoding, (input) =>
  revalidatePaths([`/agreement/${input.sampleId}`, "/agreement"]),
);
