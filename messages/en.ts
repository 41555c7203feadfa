// One file per namespace (messages/en/<namespace>.json), so work on different pages touches different files.

import audit from "./en/audit.json";
import codes from "./en/codes.json";
import common from "./en/common.json";
import complaint from "./en/complaint.json";
import complaints from "./en/complaints.json";
import dashboard from "./en/dashboard.json";
import deadlines from "./en/deadlines.json";
import fieldNames from "./en/fieldNames.json";
import filters from "./en/filters.json";
import history from "./en/history.json";
import locale from "./en/locale.json";
import meta from "./en/meta.json";
import nav from "./en/nav.json";
import palette from "./en/palette.json";
import privacy from "./en/privacy.json";
import publication from "./en/publication.json";
import retention from "./en/retention.json";
import shortcuts from "./en/shortcuts.json";
import signIn from "./en/signIn.json";
import table from "./en/table.json";
import titles from "./en/titles.json";
import userMenu from "./en/userMenu.json";
import validation from "./en/validation.json";
import volumes from "./en/volumes.json";
import zeroMission from "./en/zeroMission.json";

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
