// One file per namespace (messages/sv/<namespace>.json), so work on different pages touches different files.
// `exports` is imported under another name: CommonJS reserves that identifier.
// Written by `npm run messages:index`.

import adminRules from "./sv/adminRules.json";
import agreement from "./sv/agreement.json";
import audit from "./sv/audit.json";
import codes from "./sv/codes.json";
import comments from "./sv/comments.json";
import common from "./sv/common.json";
import commonRules from "./sv/commonRules.json";
import complaint from "./sv/complaint.json";
import complaintForm from "./sv/complaintForm.json";
import complaintRules from "./sv/complaintRules.json";
import complaints from "./sv/complaints.json";
import dashboard from "./sv/dashboard.json";
import dateInput from "./sv/dateInput.json";
import deadlines from "./sv/deadlines.json";
import errorPages from "./sv/errorPages.json";
import errors from "./sv/errors.json";
import exportJobs from "./sv/exports.json";
import fieldNames from "./sv/fieldNames.json";
import filters from "./sv/filters.json";
import history from "./sv/history.json";
import importRules from "./sv/importRules.json";
import imports from "./sv/imports.json";
import inbox from "./sv/inbox.json";
import locale from "./sv/locale.json";
import meta from "./sv/meta.json";
import nav from "./sv/nav.json";
import notificationRules from "./sv/notificationRules.json";
import palette from "./sv/palette.json";
import privacy from "./sv/privacy.json";
import publication from "./sv/publication.json";
import refusals from "./sv/refusals.json";
import remediation from "./sv/remediation.json";
import remediationRules from "./sv/remediationRules.json";
import reports from "./sv/reports.json";
import retention from "./sv/retention.json";
import rootCauseRules from "./sv/rootCauseRules.json";
import shortcuts from "./sv/shortcuts.json";
import signIn from "./sv/signIn.json";
import table from "./sv/table.json";
import taxonomies from "./sv/taxonomies.json";
import titles from "./sv/titles.json";
import userMenu from "./sv/userMenu.json";
import users from "./sv/users.json";
import validation from "./sv/validation.json";
import volumes from "./sv/volumes.json";
import workflowErrors from "./sv/workflowErrors.json";
import zeroMission from "./sv/zeroMission.json";

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
