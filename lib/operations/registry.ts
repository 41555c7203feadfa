import { readAuditLog } from "@/lib/audit/operations";
import { whoAmI } from "@/lib/auth/operations";
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
import {
  exportComplaints,
  readComplaint,
  readComplaintList,
  readComplaintOptions,
  readDeadlineRules,
  readSavedViews,
} from "@/lib/complaints/reads";
import { deleteView, saveView } from "@/lib/complaints/saved-views";
import { checkSimilar } from "@/lib/complaints/similar";
import { createComplaint, patchComplaint, updateComplaint } from "@/lib/complaints/write";
import { downloadExport, listExportJobs, readExportJob } from "@/lib/exports/operations";
import { requestExport } from "@/lib/exports/request";
import {
  cancelImportJob,
  getImportJob,
  getImportJobErrors,
  listImportJobs,
  listImportMappings,
  previewImportJob,
  readImportWizard,
  restartImportJob,
  startImportJob,
  uploadImportJob,
} from "@/lib/imports/job-operations";
import { saveRetentionSchedule } from "@/lib/jobs/schedules";
import {
  deleteMetricTarget,
  deletePurchaseVolume,
  importPurchaseVolumes,
  publishMetricMonth,
  publishMetricThrough,
  readDashboard,
  readMarkets,
  readMetricTargets,
  readProductOptions,
  readPublicationReview,
  readVolumes,
  readZeroMission,
  restateMetricMonth,
  setMetricTarget,
  setPurchaseVolume,
} from "@/lib/metric/operations";
import { readInbox, readInboxBadgeCount } from "@/lib/notifications/reads";
import { markNotificationsRead } from "@/lib/notifications/write";
import { searchPalette } from "@/lib/palette/queries";
import {
  eraseCustomerData,
  previewCustomerErasure,
  readRetentionOverview,
  runRetentionNow,
} from "@/lib/privacy/operations";
import { deleteRetentionRule, eraseComplaint, saveRetentionRule } from "@/lib/privacy/retention";
import { runEffectivenessCheck, runEffectivenessCheckByApi } from "@/lib/remediation/checks";
import { addActionComment } from "@/lib/remediation/comments";
import {
  readActionDiscussion,
  readRemediationAction,
  readRemediationList,
  readRemediationOptions,
  readRemediationRateTrend,
} from "@/lib/remediation/reads";
import {
  createRemediationAction,
  createRemediationActionByApi,
  linkEvidence,
  linkRootCause,
  patchRemediationAction,
  unlinkEvidence,
  unlinkRootCause,
  updateRemediationAction,
} from "@/lib/remediation/write";
import { createAgreementSample, saveAgreementCoding } from "@/lib/root-causes/agreement";
import { readAgreementSample, readAgreementSamples } from "@/lib/root-causes/agreement-reads";
import { readRootCauseMatrix, readRootCauseReport } from "@/lib/root-causes/operations";
import { readSuggestions } from "@/lib/suggestions/reads";
import { createAuthority, deleteAuthority, setAuthorityActive, updateAuthority } from "@/lib/taxonomies/authorities";
import {
  createCategory,
  deleteCategory,
  moveCategory,
  renameCategory,
  setCategoryActive,
} from "@/lib/taxonomies/categories";
import {
  createMarket,
  listMarkets,
  reindexMarketComplaints,
  renameMarket,
  setMarketActive,
  setMarketLanguage,
} from "@/lib/taxonomies/markets";
import {
  addProductAlias,
  createProduct,
  deleteProduct,
  removeProductAlias,
  setProductActive,
  updateProduct,
} from "@/lib/taxonomies/products";
import {
  readAuthorityList,
  readCategoryTree,
  readMarketList,
  readProductList,
  readRootCauseList,
  readStarterOffer,
} from "@/lib/taxonomies/reads";
import {
  createRootCause,
  deleteRootCause,
  mergeRootCause,
  setRootCauseActive,
  updateRootCause,
} from "@/lib/taxonomies/root-causes";
import { installStarter } from "@/lib/taxonomies/starter";
import {
  createApiToken,
  createApiTokenForEmail,
  createUserAccount,
  readUsers,
  resetUserPassword,
  revokeApiToken,
  updateUserAccount,
} from "@/lib/users/operations";
import type { AnyOperation } from "./operation";

/**
 * Every operation of the application, each with its permission: what the authorisation test walks,
 * and where a newcomer finds the policy of any read or write. A new operation is added here (the
 * registry test fails until it is).
 */
export const operations: readonly AnyOperation[] = [
  // audit/operations
  readAuditLog,
  // auth/operations
  whoAmI,
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
  // complaints/reads
  exportComplaints,
  readComplaint,
  readComplaintList,
  readComplaintOptions,
  readDeadlineRules,
  readSavedViews,
  // complaints/saved-views
  deleteView,
  saveView,
  // complaints/similar
  checkSimilar,
  // complaints/write
  createComplaint,
  patchComplaint,
  updateComplaint,
  // exports
  requestExport,
  readExportJob,
  downloadExport,
  listExportJobs,
  // imports/job-operations
  cancelImportJob,
  getImportJob,
  getImportJobErrors,
  listImportJobs,
  listImportMappings,
  previewImportJob,
  readImportWizard,
  restartImportJob,
  startImportJob,
  uploadImportJob,
  // jobs/schedules
  saveRetentionSchedule,
  // metric/operations
  deleteMetricTarget,
  deletePurchaseVolume,
  importPurchaseVolumes,
  publishMetricMonth,
  publishMetricThrough,
  readDashboard,
  readMarkets,
  readMetricTargets,
  readProductOptions,
  readPublicationReview,
  readVolumes,
  readZeroMission,
  restateMetricMonth,
  setMetricTarget,
  setPurchaseVolume,
  // notifications/reads
  readInbox,
  readInboxBadgeCount,
  // notifications/write
  markNotificationsRead,
  // palette/queries
  searchPalette,
  // privacy/operations
  eraseCustomerData,
  previewCustomerErasure,
  readRetentionOverview,
  runRetentionNow,
  // privacy/retention
  deleteRetentionRule,
  eraseComplaint,
  saveRetentionRule,
  // remediation/checks
  runEffectivenessCheck,
  runEffectivenessCheckByApi,
  // remediation/comments
  addActionComment,
  // remediation/reads
  readActionDiscussion,
  readRemediationAction,
  readRemediationList,
  readRemediationOptions,
  readRemediationRateTrend,
  // remediation/write
  createRemediationAction,
  createRemediationActionByApi,
  linkEvidence,
  linkRootCause,
  patchRemediationAction,
  unlinkEvidence,
  unlinkRootCause,
  updateRemediationAction,
  // root-causes/agreement
  createAgreementSample,
  saveAgreementCoding,
  // root-causes/agreement-reads
  readAgreementSample,
  readAgreementSamples,
  // root-causes/operations
  readRootCauseMatrix,
  readRootCauseReport,
  // suggestions/reads
  readSuggestions,
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
  listMarkets,
  reindexMarketComplaints,
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
  // taxonomies/reads
  readAuthorityList,
  readCategoryTree,
  readMarketList,
  readProductList,
  readRootCauseList,
  readStarterOffer,
  // taxonomies/starter
  installStarter,
  // users/operations
  createApiToken,
  createApiTokenForEmail,
  createUserAccount,
  resetUserPassword,
  revokeApiToken,
  readUsers,
  updateUserAccount,
];

export const operationsByName: ReadonlyMap<string, AnyOperation> = new Map(operations.map((op) => [op.name, op]));
