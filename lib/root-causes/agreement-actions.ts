"use server";

import { operationAction, revalidatePaths } from "@/lib/operations/action";
import { createAgreementSample, saveAgreementCoding } from "./agreement";

export const createAgreementSampleAction = operationAction(createAgreementSample, {
  refresh: () => revalidatePaths(["/agreement"]),
});

export const saveAgreementCodingAction = operationAction(saveAgreementCoding, {
  refresh: (input) => revalidatePaths([`/agreement/${input.sampleId}`, "/agreement"]),
});
