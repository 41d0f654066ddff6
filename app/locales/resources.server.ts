/**
 * Every catalog, bundled into the server (no HTTP backend: the words ship with the code). The
 * browser gets one language's share through the root loader, never this module.
 */
import enCommon from "./en/common.json";
import enLabels from "./en/labels.json";
import enValidation from "./en/validation.json";
import enDashboard from "./en/dashboard.json";
import hiCommon from "./hi/common.json";
import hiLabels from "./hi/labels.json";
import hiValidation from "./hi/validation.json";
import hiDashboard from "./hi/dashboard.json";
import jaCommon from "./ja/common.json";
import jaLabels from "./ja/labels.json";
import jaValidation from "./ja/validation.json";
import jaDashboard from "./ja/dashboard.json";

import type { Locale } from "~/utils/preferences";

export const resources = {
  en: {
    common: enCommon,
    labels: enLabels,
    validation: enValidation,
    dashboard: enDashboard,
  },
  ja: {
    common: jaCommon,
    labels: jaLabels,
    validation: jaValidation,
    dashboard: jaDashboard,
  },
  hi: {
    common: hiCommon,
    labels: hiLabels,
    validation: hiValidation,
    dashboard: hiDashboard,
  },
} satisfies Record<Locale, Record<string, unknown>>;
