import { MedusaError } from "@medusajs/framework/utils"
import { createStep } from "@medusajs/framework/workflows-sdk"
import { DelayChoice } from "../../../modules/delay_watch/types"
import { DelayChoiceContext } from "./load-delay-choice"

export const validateDelayChoiceStepId = "validate-delay-choice"

/** The choice and what it applies to. */
export type ValidateDelayChoiceStepInput = {
  context: DelayChoiceContext
  choice: DelayChoice
}

/**
 * Refuses what cannot be done, before anything is written: canceling an order that has
 * shipped (it can be returned once it arrives) or was canceled otherwise, and waiting for an
 * order already canceled at the shopper's request. Repeating the same choice is allowed.
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
    if (choice === "cancel" && context.shipped) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Order ${context.order_id} has already shipped and can no longer be canceled; you can return it once it arrives`
      )
    }
    if (context.order_status === "canceled") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Order ${context.order_id} is already canceled`)
    }
  }
)
