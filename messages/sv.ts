// One file per namespace (messages/sv/<namespace>.json), so work on different pages touches different files.

import audit from "./sv/audit.json";
import codes from "./sv/codes.json";
import common from "./sv/common.json";
import complaint from "./sv/complaint.json";
import complaints from "./sv/complaints.json";
import dashboard from "./sv/dashboard.json";
import deadlines from "./sv/deadlines.json";
import fieldNames from "./sv/fieldNames.json";
import filters from "./sv/filters.json";
import history from "./sv/history.json";
import locale from "./sv/locale.json";
import meta from "./sv/meta.json";
import nav from "./sv/nav.json";
import palette from "./sv/palette.json";
import privacy from "./sv/privacy.json";
import publication from "./sv/publication.json";
import retention from "./sv/retention.json";
import shortcuts from "./sv/shortcuts.json";
import signIn from "./sv/signIn.json";
import table from "./sv/table.json";
import titles from "./sv/titles.json";
import userMenu from "./sv/userMenu.json";
import validation from "./sv/validation.json";
import volumes from "./sv/volumes.json";
import zeroMission from "./sv/zeroMission.json";

const messages = {
  meta,
  common,
  locale,
  nav,
  userMenu,
  palette,
  shortcuts,
  titles,
  signIn,
  dashboard,
  complaints,
  table,
  complaint,
  codes,
  validation,
  fieldNames,
  history,
  filters,
  volumes,
  deadlines,
  retention,
  privacy,
  publication,
  audit,
  zeroMission,
};

export default messages;
