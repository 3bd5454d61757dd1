import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const validateTicketOrderStepId = "validate-support-ticket-order"

/** The order a ticket is about and who must own it. */
export type ValidateTicketOrderStepInput = {
  /** The ticket's customer. */
  customer_id: string
  /** The order named on the ticket, if any. */
  order_id?: string | null
}

/**
 * Checks that the customer exists and that the order belongs to the ticket's customer. Someone else's order answers the same
 * 404 as a missing one, so a shopper cannot probe which order ids exist.
 */
export const validateTicketOrderStep = createStep(
  validateTicketOrderStepId,
  async (input: ValidateTicketOrderStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [customer],
    } = await query.graph({
      entity: "customer",
      fields: ["id"],
      filters: { id: input.customer_id },
    })
    if (!customer) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Customer with id ${input.customer_id} was not found`
      )
    }
    if (!input.order_id) {
      return new StepResponse(null)
    }
    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: ["id", "customer_id", "currency_code"],
      filters: { id: input.order_id },
    })
    if (!order || order.customer_id !== input.customer_id) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Order with id ${input.order_id} was not found`
      )
    }
    return new StepResponse({ id: order.id, currency_code: order.currency_code })
  }
)
