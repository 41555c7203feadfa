"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/auth/action";
import { publishMonth, publishThrough, restateMonth } from "./publication";
import { deleteTarget, setTarget } from "./targets";
import {
  deleteTargetSchema,
  deleteVolumeSchema,
  publishSchema,
  publishThroughSchema,
  restateSchema,
  targetSchema,
  volumeImportSchema,
  volumeSchema,
} from "./validations";
import { deleteVolume, importVolumes, setVolume } from "./volumes";

// Every figure page reads volumes, publications and targets; refresh them all after a change.
function refreshed<T>(value: T): T {
  for (const path of ["/admin/volumes", "/admin/publication", "/dashboard", "/zero-mission"]) revalidatePath(path);
  return value;
}

export const setVolumeAction = action({ permission: "admin:manage", schema: volumeSchema }, async (ctx) =>
  refreshed(await setVolume(ctx, ctx.input)),
);

export const deleteVolumeAction = action({ permission: "admin:manage", schema: deleteVolumeSchema }, async (ctx) =>
  refreshed(await deleteVolume(ctx, ctx.input)),
);

export const importVolumesAction = action({ permission: "admin:manage", schema: volumeImportSchema }, async (ctx) =>
  refreshed(await importVolumes(ctx, { ...ctx.input, via: "web" })),
);

export const publishMonthAction = action({ permission: "admin:manage", schema: publishSchema }, async (ctx) =>
  refreshed(await publishMonth(ctx, ctx.input)),
);

export const publishThroughAction = action({ permission: "admin:manage", schema: publishThroughSchema }, async (ctx) =>
  refreshed(await publishThrough(ctx, ctx.input)),
);

export const restateMonthAction = action({ permission: "admin:manage", schema: restateSchema }, async (ctx) =>
  refreshed(await restateMonth(ctx, ctx.input)),
);

export const setTargetAction = action({ permission: "admin:manage", schema: targetSchema }, async (ctx) =>
  refreshed(await setTarget(ctx, ctx.input)),
);

export const deleteTargetAction = action({ permission: "admin:manage", schema: deleteTargetSchema }, async (ctx) =>
  refreshed(await deleteTarget(ctx, ctx.input)),
);
