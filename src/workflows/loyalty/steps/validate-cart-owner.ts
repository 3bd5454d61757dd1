import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CartCreditLine, loyaltyCreditLines } from "../redemption"

export const validateCartOwnerStepId = "validate-loyalty-cart-owner"

/** The cart and the shopper asking. */
export type ValidateCartOwnerStepInput = {
  /** The cart (`id`, `customer_id`, `completed_at`, `credit_lines`). */
  cart: {
    id: string
    customer_id?: string | null
    completed_at?: Date | string | null
    credit_lines?: (CartCreditLine | null)[] | null
  }
  /** The logged-in shopper. */
  customer_id: string
}

/**
 * Checks that the shopper owns the open cart (another shopper's cart is "not found") and
 * answers the ids of its points credit lines.
 */
export const validateCartOwnerStep = createStep(
  validateCartOwnerStepId,
  async (input: ValidateCartOwnerStepInput) => {
    if (input.cart.customer_id !== input.customer_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id: ${input.cart.id} was not found`)
    }
    if (input.cart.completed_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${input.cart.id} is already completed.`)
    }
    return new StepResponse(loyaltyCreditLines(input.cart.credit_lines).map((l) => l.id))
  }
)
