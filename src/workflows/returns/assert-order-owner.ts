import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

/**
 * Throws NOT_FOUND unless the order exists and belongs to the customer: another shopper's
 * order looks exactly like one that does not exist.
 */
export async function assertOrderOwner(
  container: MedusaContainer,
  orderId: string,
  customerId: string
): Promise<void> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: orderId } })
  if (!order || order.customer_id !== customerId) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
  }
}
