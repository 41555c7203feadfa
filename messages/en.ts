// One file per namespace (messages/en/<namespace>.json), so work on different pages touches different files.
// `exports` is imported under another name: CommonJS reserves that identifier.
// Written by `npm run messages:index`.

import adminRules from "./en/adminRules.json";
import agreement from "./en/agreement.json";
import audit from "./en/audit.json";
import codes from "./en/codes.json";
import comments from "./en/comments.json";
import common from "./en/common.json";
import commonRules from "./en/commonRules.json";
import complaint from "./en/complaint.json";
import complaintForm from "./en/complaintForm.json";
import complaintRules from "./en/complaintRules.json";
import complaints from "./en/complaints.json";
import dashboard from "./en/dashboard.json";
import dateInput from "./en/dateInput.json";
import deadlines from "./en/deadlines.json";
import errorPages from "./en/errorPages.json";
import errors from "./en/errors.json";
import exportJobs from "./en/exports.json";
import fieldNames from "./en/fieldNames.json";
import filters from "./en/filters.json";
import history from "./en/history.json";
import importRules from "./en/importRules.json";
import imports from "./en/imports.json";
import inbox from "./en/inbox.json";
import locale from "./en/locale.json";
import meta from "./en/meta.json";
import nav from "./en/nav.json";
import notificationRules from "./en/notificationRules.json";
import palette from "./en/palette.json";
import privacy from "./en/privacy.json";
import publication from "./en/publication.json";
import refusals from "./en/refusals.json";
import remediation from "./en/remediation.json";
import remediationRules from "./en/remediationRules.json";
import reports from "./en/reports.json";
import retention from "./en/retention.json";
import rootCauseRules from "./en/rootCauseRules.json";
import shortcuts from "./en/shortcuts.json";
import signIn from "./en/signIn.json";
import table from "./en/table.json";
import taxonomies from "./en/taxonomies.json";
import titles from "./en/titles.json";
import userMenu from "./en/userMenu.json";
import users from "./en/users.json";
import validation from "./en/validation.json";
import volumes from "./en/volumes.json";
import workflowErrors from "./en/workflowErrors.json";
import zeroMission from "./en/zeroMission.json";

const messages = {
  adminRules,
  agreement,
  audit,
  codes,
  comments,
  common,
  commonRules,
  complaint,
  complaintForm,
  complaintRules,
  complaints,
  dashboard,
  dateInput,
  deadlines,
  errorPages,
  errors,
  exports: exportJobs,
  fieldNames,
  filters,
  history,
  importRules,
  imports,
  inbox,
  locale,
  meta,
  nav,
  notificationRules,
  palette,
  privacy,
  publication,
  refusals,
  remediation,
  remediationRules,
  reports,
  retention,
  rootCauseRules,
  shortcuts,
  signIn,
  table,
  taxonomies,
  titles,
  userMenu,
  users,
  validation,
  volumes,
  workflowErrors,
  zeroMission,
};

export default messages;
