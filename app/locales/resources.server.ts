/**
 * Every catalog, bundled into the server (no HTTP backend: the words ship with the code). The
 * browser gets one language's share through the root loader, never this module.
 */
import enCommon from "./en/common.json";
import enReader from "./en/reader.json";
import enValidation from "./en/validation.json";
import hiCommon from "./hi/common.json";
import hiReader from "./hi/reader.json";
import hiValidation from "./hi/validation.json";
import jaCommon from "./ja/common.json";
import jaReader from "./ja/reader.json";
import jaValidation from "./ja/validation.json";

import type { Locale } from "~/utils/preferences";

export const resources = {
  en: { common: enCommon, validation: enValidation, reader: enReader },
  ja: { common: jaCommon, validation: jaValidation, reader: jaReader },
  hi: { common: hiCommon, validation: hiValidation, reader: hiReader },
} satisfies Record<Locale, Record<string, unknown>>;
