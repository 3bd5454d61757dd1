import { defineLink } from "@medusajs/framework/utils"
import PromotionModule from "@medusajs/medusa/promotion"
import GesturesModule from "../modules/gestures"

/**
 * Read-only link from the gesture record's `promotion_id` to the Promotion, so `query.graph` can
 * fetch the promotion along with it (no link table: the id lives on the record).
 */
export default defineLink(
  { linkable: GesturesModule.linkable.gesture, field: "promotion_id" },
  PromotionModule.linkable.promotion,
  { readOnly: true }
)
