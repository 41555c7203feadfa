"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/auth/action";
import { createAgreementSample, saveAgreementCoding } from "./agreement";

export const createAgreementSampleAction = action(createAgreementSample, async (ctx) => {
  const created = await createAgreementSample.work(ctx);
  revalidatePath("/agreement");
  return created;
});

export const saveAgreementCodingAction = action(saveAgreementCoding, async (ctx) => {
  const saved = await saveAgreementCoding.work(ctx);
  revalidatePath(`/agreement/${ctx.input.sampleId}`);
  revalidatePath("/agreement");
  return saved;
});
