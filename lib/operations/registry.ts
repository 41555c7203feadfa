import { previewBulkAction, runBulkAction } from "@/lib/complaints/bulk";
import {
  addComment,
  linkFamily,
  markMentionsRead,
  removeRootCause,
  saveAnalysisNote,
  setPrimaryRootCause,
  tagRootCause,
  unlinkFamily,
} from "@/lib/complaints/case-work";
import { deleteDeadlineRule, saveDeadlineRule } from "@/lib/complaints/deadline-rules";
import { deleteView, saveView } from "@/lib/complaints/saved-views";
import { createComplaint, updateComplaint } from "@/lib/complaints/write";
import { requestExport } from "@/lib/exports/request";
import { saveRetentionSchedule } from "@/lib/jobs/schedules";
import { markNotificationsRead } from "@/lib/notifications/write";
import { deleteRetentionRule, eraseComplaint, saveRetentionRule } from "@/lib/privacy/retention";
import { runEffectivenessCheck } from "@/lib/remediation/checks";
import { addActionComment } from "@/lib/remediation/comments";
import {
  createRemediationAction,
  linkEvidence,
  linkRootCause,
  unlinkEvidence,
  unlinkRootCause,
  updateRemediationAction,
} from "@/lib/remediation/write";
import { createAgreementSample, saveAgreementCoding } from "@/lib/root-causes/agreement";
import { createAuthority, deleteAuthority, setAuthorityActive, updateAuthority } from "@/lib/taxonomies/authorities";
import {
  createCategory,
  deleteCategory,
  moveCategory,
  renameCategory,
  setCategoryActive,
} from "@/lib/taxonomies/categories";
import { createMarket, renameMarket, setMarketActive, setMarketLanguage } from "@/lib/taxonomies/markets";
import {
  addProductAlias,
  createProduct,
  deleteProduct,
  removeProductAlias,
  setProductActive,
  updateProduct,
} from "@/lib/taxonomies/products";
import {
  createRootCause,
  deleteRootCause,
  mergeRootCause,
  setRootCauseActive,
  updateRootCause,
} from "@/lib/taxonomies/root-causes";
import { installStarter } from "@/lib/taxonomies/starter";
import type { AnyOperation } from "./operation";

/**
 * Every operation of the application, each with its permission: what the authorisation test walks,
 * and where a newcomer finds the policy of any read or write. A new operation is added here (the
 * registry test fails until it is).
 */
export const operations: readonly AnyOperation[] = [
  // complaints/bulk
  previewBulkAction,
  runBulkAction,
  // complaints/case-work
  addComment,
  linkFamily,
  markMentionsRead,
  removeRootCause,
  saveAnalysisNote,
  setPrimaryRootCause,
  tagRootCause,
  unlinkFamily,
  // complaints/deadline-rules
  deleteDeadlineRule,
  saveDeadlineRule,
  // complaints/saved-views
  deleteView,
  saveView,
  // complaints/write
  createComplaint,
  updateComplaint,
  // exports/request
  requestExport,
  // jobs/schedules
  saveRetentionSchedule,
  // notifications/write
  markNotificationsRead,
  // privacy/retention
  deleteRetentionRule,
  eraseComplaint,
  saveRetentionRule,
  // remediation/checks
  runEffectivenessCheck,
  // remediation/comments
  addActionComment,
  // remediation/write
  createRemediationAction,
  linkEvidence,
  linkRootCause,
  unlinkEvidence,
  unlinkRootCause,
  updateRemediationAction,
  // root-causes/agreement
  createAgreementSample,
  saveAgreementCoding,
  // taxonomies/authorities
  createAuthority,
  deleteAuthority,
  setAuthorityActive,
  updateAuthority,
  // taxonomies/categories
  createCategory,
  deleteCategory,
  moveCategory,
  renameCategory,
  setCategoryActive,
  // taxonomies/markets
  createMarket,
  renameMarket,
  setMarketActive,
  setMarketLanguage,
  // taxonomies/products
  addProductAlias,
  createProduct,
  deleteProduct,
  removeProductAlias,
  setProductActive,
  updateProduct,
  // taxonomies/root-causes
  createRootCause,
  deleteRootCause,
  mergeRootCause,
  setRootCauseActive,
  updateRootCause,
  // taxonomies/starter
  installStarter,
];

export const operationsByName: ReadonlyMap<string, AnyOperation> = new Map(operations.map((op) => [op.name, op]));
