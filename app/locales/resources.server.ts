/**
 * Every catalog, bundled into the server (no HTTP backend: the words ship with the code). The
 * browser gets one language's share through the root loader, never this module.
 */
import enCommon from "./en/common.json";
import enValidation from "./en/validation.json";
import hiCommon from "./hi/common.json";
import hiValidation from "./hi/validation.json";
import jaCommon from "./ja/common.json";
import jaValidation from "./ja/validation.json";

import type { Locale } from "~/utils/preferences";

export const resources = {
  en: { common: enCommon, validation: enValidation },
  ja: { common: jaCommon, validation: jaValidation },
  hi: { common: hiCommon, validation: hiValidation },
} satisfies Record<Locale, Record<string, unknown>>;
