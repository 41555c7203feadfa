"use server";

import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { db } from "@/db";
import type { Operation } from "@/lib/operations";
import { operationAction } from "@/lib/operations/action";
import { createAuthority, deleteAuthority, setAuthorityActive, updateAuthority } from "./authorities";
import { createCategory, deleteCategory, moveCategory, renameCategory, setCategoryActive } from "./categories";
import { reindexInBackground } from "./market-language";
import { createMarket, renameMarket, setMarketActive, setMarketLanguage } from "./markets";
import {
  addProductAlias,
  createProduct,
  deleteProduct,
  removeProductAlias,
  setProductActive,
  updateProduct,
} from "./products";
import { createRootCause, deleteRootCause, mergeRootCause, setRootCauseActive, updateRootCause } from "./root-causes";
import { installStarter } from "./starter";

// Taxonomies feed the pickers, filters and reports of every page, so a change refreshes them all.
function taxonomyAction<S extends z.ZodType, R>(mutation: Operation<S, R>) {
  return operationAction(mutation, { refresh: () => revalidatePath("/", "layout") });
}

export const createProductAction = taxonomyAction(createProduct);
export const updateProductAction = taxonomyAction(updateProduct);
export const addProductAliasAction = taxonomyAction(addProductAlias);
export const removeProductAliasAction = taxonomyAction(removeProductAlias);
export const setProductActiveAction = taxonomyAction(setProductActive);
export const deleteProductAction = taxonomyAction(deleteProduct);

export const createCategoryAction = taxonomyAction(createCategory);
export const renameCategoryAction = taxonomyAction(renameCategory);
export const moveCategoryAction = taxonomyAction(moveCategory);
export const setCategoryActiveAction = taxonomyAction(setCategoryActive);
export const deleteCategoryAction = taxonomyAction(deleteCategory);

export const createRootCauseAction = taxonomyAction(createRootCause);
export const updateRootCauseAction = taxonomyAction(updateRootCause);
export const setRootCauseActiveAction = taxonomyAction(setRootCauseActive);
export const deleteRootCauseAction = taxonomyAction(deleteRootCause);
export const mergeRootCauseAction = taxonomyAction(mergeRootCause);

export const createAuthorityAction = taxonomyAction(createAuthority);
export const updateAuthorityAction = taxonomyAction(updateAuthority);
export const setAuthorityActiveAction = taxonomyAction(setAuthorityActive);
export const deleteAuthorityAction = taxonomyAction(deleteAuthority);

export const renameMarketAction = taxonomyAction(renameMarket);
export const createMarketAction = taxonomyAction(createMarket);
export const setMarketActiveAction = taxonomyAction(setMarketActive);

/** The market row changes at once; once it has committed, its complaints are re-indexed in batches after the answer. */
export const setMarketLanguageAction = operationAction(setMarketLanguage, {
  refresh: (_input, data) => {
    revalidatePath("/", "layout");
    if (data.changed) reindexInBackground(db, data.code);
  },
});

export const installStarterAction = taxonomyAction(installStarter);
