/**
 * Every catalog, bundled into the server (no HTTP backend: the words ship with the code). The
 * browser gets one language's share through the root loader, never this module.
 */
import type { Locale } from "~/utils/preferences";

import enBrief from "./en/brief.json";
import enCommon from "./en/common.json";
import enConsultations from "./en/consultations.json";
import enDashboard from "./en/dashboard.json";
import enIssues from "./en/issues.json";
import enLabels from "./en/labels.json";
import enMail from "./en/mail.json";
import enMap from "./en/map.json";
import enPeople from "./en/people.json";
import enReader from "./en/reader.json";
import enSecurity from "./en/security.json";
import enValidation from "./en/validation.json";
import hiBrief from "./hi/brief.json";
import hiCommon from "./hi/common.json";
import hiConsultations from "./hi/consultations.json";
import hiDashboard from "./hi/dashboard.json";
import hiIssues from "./hi/issues.json";
import hiLabels from "./hi/labels.json";
import hiMail from "./hi/mail.json";
import hiMap from "./hi/map.json";
import hiPeople from "./hi/people.json";
import hiReader from "./hi/reader.json";
import hiSecurity from "./hi/security.json";
import hiValidation from "./hi/validation.json";
import jaBrief from "./ja/brief.json";
import jaCommon from "./ja/common.json";
import jaConsultations from "./ja/consultations.json";
import jaDashboard from "./ja/dashboard.json";
import jaIssues from "./ja/issues.json";
import jaLabels from "./ja/labels.json";
import jaMail from "./ja/mail.json";
import jaMap from "./ja/map.json";
import jaPeople from "./ja/people.json";
import jaReader from "./ja/reader.json";
import jaSecurity from "./ja/security.json";
import jaValidation from "./ja/validation.json";

export const resources = {
  en: {
    common: enCommon,
    brief: enBrief,
    consultations: enConsultations,
    dashboard: enDashboard,
    issues: enIssues,
    labels: enLabels,
    mail: enMail,
    map: enMap,
    security: enSecurity,
    reader: enReader,
    validation: enValidation,
    people: enPeople,
  },
  ja: {
    common: jaCommon,
    brief: jaBrief,
    consultations: jaConsultations,
    dashboard: jaDashboard,
    issues: jaIssues,
    labels: jaLabels,
    mail: jaMail,
    map: jaMap,
    security: jaSecurity,
    reader: jaReader,
    validation: jaValidation,
    people: jaPeople,
  },
  hi: {
    common: hiCommon,
    brief: hiBrief,
    consultations: hiConsultations,
    dashboard: hiDashboard,
    issues: hiIssues,
    labels: hiLabels,
    mail: hiMail,
    map: hiMap,
    security: hiSecurity,
    reader: hiReader,
    validation: hiValidation,
    people: hiPeople,
  },
} satisfies Record<Locale, Record<string, unknown>>;
