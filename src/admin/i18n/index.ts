import enCommon from "./en/common.json"
import enDelays from "./en/delays.json"
import enGestures from "./en/gestures.json"
import enLoyalty from "./en/loyalty.json"
import enOverview from "./en/overview.json"
import enPrivacy from "./en/privacy.json"
import enReturns from "./en/returns.json"
import enSettings from "./en/settings.json"
import enSupport from "./en/support.json"
import trCommon from "./tr/common.json"
import trDelays from "./tr/delays.json"
import trGestures from "./tr/gestures.json"
import trLoyalty from "./tr/loyalty.json"
import trOverview from "./tr/overview.json"
import trPrivacy from "./tr/privacy.json"
import trReturns from "./tr/returns.json"
import trSettings from "./tr/settings.json"
import trSupport from "./tr/support.json"

/**
 * The plugin's admin text, merged by the dashboard into its own `translation` namespace under
 * `aftersales.*`, so it follows the language chosen in the admin's profile. One file per
 * domain and language: `t("aftersales.loyalty.balance")`.
 */
export default {
  en: {
    translation: {
      aftersales: {
        common: enCommon,
        loyalty: enLoyalty,
        support: enSupport,
        gestures: enGestures,
        returns: enReturns,
        delays: enDelays,
        overview: enOverview,
        settings: enSettings,
        privacy: enPrivacy,
      },
    },
  },
  tr: {
    translation: {
      aftersales: {
        common: trCommon,
        loyalty: trLoyalty,
        support: trSupport,
        gestures: trGestures,
        returns: trReturns,
        delays: trDelays,
        overview: trOverview,
        settings: trSettings,
        privacy: trPrivacy,
      },
    },
  },
}
