import { MedusaError } from "@medusajs/framework/utils"
import { createStep } from "@medusajs/framework/workflows-sdk"
import { DelayChoice } from "../../../modules/delay_watch/types"
import { cancelUnavailableMessage } from "../cancel-availability"
import { DelayChoiceContext } from "./load-delay-choice"

export const validateDelayChoiceStepId = "validate-delay-choice"

/** The choice and what it applies to. */
export type ValidateDelayChoiceStepInput = {
  context: DelayChoiceContext
  choice: DelayChoice
}

/**
 * Refuses what cannot be done, before anything is written: canceling an order Medusa would
 * refuse to cancel (shipped, packed — a fulfilment not canceled —, completed, or canceled
 * otherwise), and waiting for an order already canceled at the shopper's request. Repeating
 * the same choice is allowed.
 */
export const validateDelayChoiceStep = createStep(
  validateDelayChoiceStepId,
  async ({ context, choice }: ValidateDelayChoiceStepInput) => {
    if (context.previous === "cancel") {
      if (choice !== "cancel") {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Order ${context.order_id} was already canceled at your request`
        )
      }
      return
    }
    // Checked here as Medusa's cancel would, so the shopper gets our reason, not core's.
    if (choice === "cancel" && context.cancel_unavailable) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        cancelUnavailableMessage(context.cancel_unavailable, context.order_id)
      )
    }
    if (context.order_status === "canceled") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order ${context.order_id} is already canceled`)
    }
  }
)
