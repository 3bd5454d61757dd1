import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { getOrderAmountDue, OrderAmountDue } from "../order-amount-due"

export const getOrderAmountDueStepId = "get-order-amount-due"

/** The order whose outstanding amount to read. */
export type GetOrderAmountDueStepInput = {
  /** The order. */
  order_id: string
}

/**
 * Reads what the order still owes (core's `summary.pending_difference`) and Medusa's open
 * payment collection for it. Reads only; nothing to compensate.
 */
export const getOrderAmountDueStep = createStep(
  getOrderAmountDueStepId,
  async (input: GetOrderAmountDueStepInput, { container }) => {
    return new StepResponse<OrderAmountDue>(await getOrderAmountDue(container, input.order_id))
  }
)
