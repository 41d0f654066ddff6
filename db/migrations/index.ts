import type { Migration } from "kysely";

import * as foundation from "./2026-12-01T0900-foundation";
import * as consultations from "./2026-12-01T1000-consultations";
import * as consultationSearchComments from "./2026-12-01T1100-consultation-search-comments";
import * as positions from "./2026-12-01T1200-positions";
import * as demand from "./2026-12-01T1300-demand";
import * as milestones from "./2026-12-01T1400-milestones";
import * as activity from "./2026-12-01T1500-activity";
import * as milestoneIssues from "./2026-12-01T1600-milestone-issues";
import * as writesDatabaseGuards from "./2026-12-01T1700-writes-database-guards";
import * as hardeningSessionHashes from "./2026-12-01T1710-hardening-session-hashes";
import * as i18nUserPreferences from "./2026-12-01T1720-i18n-user-preferences";
import * as agreedMinutes from "./2026-12-01T1800-agreed-minutes";
import * as agreementOrganizationSide from "./2026-12-01T1800-agreement-organization-side";
import * as peopleMailAccounts from "./2026-12-01T1800-people-mail-accounts";
import * as zonesSearchEveryLanguage from "./2026-12-01T1800-zones-search-every-language";
import * as agreementClauses from "./2026-12-01T1810-agreement-clauses";
import * as agreementPositionConcurrence from "./2026-12-01T2000-agreement-position-concurrence";
import * as contactsPeopleTags from "./2026-12-01T2000-contacts-people-tags";
import * as mapauthTotpMap from "./2026-12-01T2000-mapauth-totp-map";
import * as documentsAttachments from "./2026-12-01T2010-documents-attachments";
import * as speed3PageIndexes from "./2026-12-01T2030-speed3-page-indexes";
import * as perf4CoveringProbes from "./2026-12-01T2040-perf4-covering-probes";

/**
 * Every migration, by its sortable name. Listed statically (not read from the folder at run
 * time) so that the bundled production server carries them. Append new ones at the end.
 */
export const migrations: Record<string, Migration> = {
  "2026-12-01T0900-foundation": foundation,
  "2026-12-01T1000-consultations": consultations,
  "2026-12-01T1100-consultation-search-comments": consultationSearchComments,
  "2026-12-01T1500-activity": activity,
  "2026-12-01T1200-positions": positions,
  "2026-12-01T1300-demand": demand,
  "2026-12-01T1400-milestones": milestones,
  "2026-12-01T1600-milestone-issues": milestoneIssues,
  "2026-12-01T1700-writes-database-guards": writesDatabaseGuards,
  "2026-12-01T1710-hardening-session-hashes": hardeningSessionHashes,
  "2026-12-01T1720-i18n-user-preferences": i18nUserPreferences,
  "2026-12-01T1800-agreed-minutes": agreedMinutes,
  "2026-12-01T1800-people-mail-accounts": peopleMailAccounts,
  "2026-12-01T1800-agreement-organization-side": agreementOrganizationSide,
  "2026-12-01T1810-agreement-clauses": agreementClauses,
  "2026-12-01T2000-agreement-position-concurrence": agreementPositionConcurrence,
  "2026-12-01T1800-zones-search-every-language": zonesSearchEveryLanguage,
  "2026-12-01T2000-contacts-people-tags": contactsPeopleTags,
  "2026-12-01T2000-mapauth-totp-map": mapauthTotpMap,
  "2026-12-01T2010-documents-attachments": documentsAttachments,
  "2026-12-01T2030-speed3-page-indexes": speed3PageIndexes,
  "2026-12-01T2040-perf4-covering-probes": perf4CoveringProbes,
};
