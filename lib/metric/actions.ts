"use server";

import type { z } from "zod";
import type { Operation } from "@/lib/operations";
import { operationAction, revalidatePaths } from "@/lib/operations/action";
import {
  deleteMetricTarget,
  deletePurchaseVolume,
  importPurchaseVolumes,
  publishMetricMonth,
  publishMetricThrough,
  restateMetricMonth,
  setMetricTarget,
  setPurchaseVolume,
} from "./operations";

// Every figure page reads volumes, publications and targets; refresh them all once a change has committed.
const FIGURE_PAGES = ["/admin/volumes", "/admin/publication", "/dashboard", "/zero-mission"];
const figureAction = <S extends z.ZodType, R>(operation: Operation<S, R>) =>
  operationAction(operation, { refresh: () => revalidatePaths(FIGURE_PAGES) });

export const setVolumeAction = figureAction(setPurchaseVolume);
export const deleteVolumeAction = figureAction(deletePurchaseVolume);
export const importVolumesAction = figureAction(importPurchaseVolumes);
export const publishMonthAction = figureAction(publishMetricMonth);
export const publishThroughAction = figureAction(publishMetricThrough);
export const restateMonthAction = figureAction(restateMetricMonth);
export const setTargetAction = figureAction(setMetricTarget);
export const deleteTargetAction = figureAction(deleteMetricTarget);
