import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import LoyaltyPointsService from "../../../modules/loyalty_points/service"
import { AftersalesModules } from "../../../types/modules"
import { ErasureReason } from "../types"

export const closeCustomerPointsStepId = "close-customer-loyalty-points"

/** The customer whose points are closed out. */
export type CloseCustomerPointsStepInput = {
  /** The customer being erased. */
  customer_id: string
  reason: ErasureReason
}

/**
 * Closes the customer's points with one ledger entry (see `closeAccount`): the liability drops
 * and the ledger keeps the figures. Answers the points taken back (0 when nothing was left).
 * The last step of an erasure, so it has no compensation: nothing after it can fail.
 */
export const closeCustomerPointsStep = createStep(
  closeCustomerPointsStepId,
  async (input: CloseCustomerPointsStepInput, { container }) => {
    const loyalty: LoyaltyPointsService = container.resolve(AftersalesModules.LOYALTY_POINTS)
    const entry = await loyalty.closeAccount({
      customer_id: input.customer_id,
      reason: input.reason === "customer_deleted" ? "customer deleted" : "erasure request",
    })
    return new StepResponse(entry ? -entry.points : 0)
  }
)
