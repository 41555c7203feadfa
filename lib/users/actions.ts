"use server";

import type { z } from "zod";
import type { Operation } from "@/lib/operations";
import { operationAction, revalidatePaths } from "@/lib/operations/action";
import { createApiToken, createUserAccount, resetUserPassword, revokeApiToken, updateUserAccount } from "./operations";

const usersAction = <S extends z.ZodType, R>(operation: Operation<S, R>) =>
  operationAction(operation, { refresh: () => revalidatePaths(["/admin/users"]) });

export const createUserAction = usersAction(createUserAccount);
export const updateUserAction = usersAction(updateUserAccount);
export const resetPasswordAction = usersAction(resetUserPassword);
export const createTokenAction = usersAction(createApiToken);
export const revokeTokenAction = usersAction(revokeApiToken);
