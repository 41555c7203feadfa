import "server-only";
import { db } from "@/db";
import type { SessionUser } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/locales";
import { personalDataAccessOf } from "@/lib/privacy/gate";
import { listDeadlineRules } from "./deadline-rules";
import { getComplaintDetail } from "./detail-query";
import type { ComplaintFilters } from "./filters";
import { countUnreadMentions, listMentions } from "./inbox";
import { countComplaints } from "./list-count";
import { listComplaints } from "./list-query";
import { loadComplaintOptions } from "./options";
import { listSavedViews } from "./saved-views";

export function getComplaintList(user: SessionUser, filters: ComplaintFilters) {
  return listComplaints(db, filters, { access: personalDataAccessOf(user.role) });
}

export function getComplaintCount(filters: ComplaintFilters) {
  return countComplaints(db, filters);
}

/** A complaint with its history, told in the reader's language. */
export function getComplaint(user: SessionUser, id: string, locale?: Locale) {
  return getComplaintDetail(db, id, { access: personalDataAccessOf(user.role), locale });
}

export function getComplaintOptions() {
  return loadComplaintOptions(db);
}

export function getSavedViews(user: SessionUser) {
  return listSavedViews(db, user.id);
}

export function getMentions(user: SessionUser) {
  return listMentions(db, user.id, { access: personalDataAccessOf(user.role) });
}

export function getUnreadMentionCount(user: SessionUser) {
  return countUnreadMentions(db, user.id);
}

export function getDeadlineRules() {
  return listDeadlineRules(db);
}
