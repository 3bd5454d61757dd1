import { Context } from "@medusajs/framework/types"
import { InjectManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import { OverviewPeriod, ReturnsOverviewSummary } from "../../types/overview"
import { knexOf } from "../../utils/knex"
import { ReturnRequest } from "./models"
import { summarizeRequests } from "./repositories/overview"

/**
 * Return requests: the plugin's record of what a shopper asked and which Medusa exchange or
 * return answered it. The rules are pure functions in `./rules`; the flows live in
 * `src/workflows/returns`.
 */
export default class ReturnRulesModuleService extends MedusaService({ ReturnRequest }) {
  /**
   * Returns' part of the after-sales overview: requests in each week of `period` by resolution.
   * A read-only aggregate over an indexed column (`./repositories/overview.ts`).
   */
  @InjectManager()
  async summarize(
    period: OverviewPeriod,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ReturnsOverviewSummary> {
    return summarizeRequests(knexOf(sharedContext), period)
  }
}
