/**
 * Every catalog, bundled into the server (no HTTP backend: the words ship with the code). The
 * browser gets one language's share through the root loader, never this module.
 */
import type { Locale } from "~/utils/preferences";

import enActivity from "./en/activity.json";
import enAdmin from "./en/admin.json";
import enAgreement from "./en/agreement.json";
import enBrief from "./en/brief.json";
import enCommon from "./en/common.json";
import enConsultations from "./en/consultations.json";
import enDashboard from "./en/dashboard.json";
import enDemand from "./en/demand.json";
import enDocuments from "./en/documents.json";
import enIssues from "./en/issues.json";
import enLabels from "./en/labels.json";
import enMail from "./en/mail.json";
import enMap from "./en/map.json";
import enMilestones from "./en/milestones.json";
import enPeople from "./en/people.json";
import enReader from "./en/reader.json";
import enSearch from "./en/search.json";
import enSecurity from "./en/security.json";
import enSupply from "./en/supply.json";
import enValidation from "./en/validation.json";
import hiActivity from "./hi/activity.json";
import hiAdmin from "./hi/admin.json";
import hiAgreement from "./hi/agreement.json";
import hiBrief from "./hi/brief.json";
import hiCommon from "./hi/common.json";
import hiConsultations from "./hi/consultations.json";
import hiDashboard from "./hi/dashboard.json";
import hiDemand from "./hi/demand.json";
import hiDocuments from "./hi/documents.json";
import hiIssues from "./hi/issues.json";
import hiLabels from "./hi/labels.json";
import hiMail from "./hi/mail.json";
import hiMap from "./hi/map.json";
import hiMilestones from "./hi/milestones.json";
import hiPeople from "./hi/people.json";
import hiReader from "./hi/reader.json";
import hiSearch from "./hi/search.json";
import hiSecurity from "./hi/security.json";
import hiSupply from "./hi/supply.json";
import hiValidation from "./hi/validation.json";
import jaActivity from "./ja/activity.json";
import jaAdmin from "./ja/admin.json";
import jaAgreement from "./ja/agreement.json";
import jaBrief from "./ja/brief.json";
import jaCommon from "./ja/common.json";
import jaConsultations from "./ja/consultations.json";
import jaDashboard from "./ja/dashboard.json";
import jaDemand from "./ja/demand.json";
import jaDocuments from "./ja/documents.json";
import jaIssues from "./ja/issues.json";
import jaLabels from "./ja/labels.json";
import jaMail from "./ja/mail.json";
import jaMap from "./ja/map.json";
import jaMilestones from "./ja/milestones.json";
import jaPeople from "./ja/people.json";
import jaReader from "./ja/reader.json";
import jaSearch from "./ja/search.json";
import jaSecurity from "./ja/security.json";
import jaSupply from "./ja/supply.json";
import jaValidation from "./ja/validation.json";

export const resources = {
  en: {
    common: enCommon,
    brief: enBrief,
    agreement: enAgreement,
    consultations: enConsultations,
    dashboard: enDashboard,
    documents: enDocuments,
    issues: enIssues,
    labels: enLabels,
    mail: enMail,
    map: enMap,
    security: enSecurity,
    reader: enReader,
    validation: enValidation,
    admin: enAdmin,
    activity: enActivity,
    search: enSearch,
    milestones: enMilestones,
    demand: enDemand,
    supply: enSupply,
    people: enPeople,
  },
  ja: {
    common: jaCommon,
    brief: jaBrief,
    agreement: jaAgreement,
    consultations: jaConsultations,
    dashboard: jaDashboard,
    documents: jaDocuments,
    issues: jaIssues,
    labels: jaLabels,
    mail: jaMail,
    map: jaMap,
    security: jaSecurity,
    reader: jaReader,
    validation: jaValidation,
    admin: jaAdmin,
    activity: jaActivity,
    search: jaSearch,
    milestones: jaMilestones,
    demand: jaDemand,
    supply: jaSupply,
    people: jaPeople,
  },
  hi: {
    common: hiCommon,
    brief: hiBrief,
    agreement: hiAgreement,
    consultations: hiConsultations,
    dashboard: hiDashboard,
    documents: hiDocuments,
    issues: hiIssues,
    labels: hiLabels,
    mail: hiMail,
    map: hiMap,
    security: hiSecurity,
    reader: hiReader,
    validation: hiValidation,
    admin: hiAdmin,
    activity: hiActivity,
    search: hiSearch,
    milestones: hiMilestones,
    demand: hiDemand,
    supply: hiSupply,
    people: hiPeople,
  },
} satisfies Record<Locale, Record<string, unknown>>;
