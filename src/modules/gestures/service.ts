import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { GesturesOverviewSummary, OverviewPeriod } from "../../types/overview"
import { knexOf } from "../../utils/knex"
import { Gesture } from "./models"
import { summarizeGestures } from "./repositories/overview"

/** Gesture records. Issuing, caps and approval live in the gesture workflows. */
export default class GesturesModuleService extends MedusaService({ Gesture }) {
  /**
   * Gestures' part of the after-sales overview: pending approvals, gestures created, issued and
   * redeemed and what the issued ones cost in each week of `period`, and the last ones.
   * Read-only aggregates over indexed columns (`./repositories/overview.ts`).
   */
  @InjectManager()
  async summarize(
    period: OverviewPeriod,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<GesturesOverviewSummary> {
    return summarizeGestures(knexOf(sharedContext), period)
  }
}
