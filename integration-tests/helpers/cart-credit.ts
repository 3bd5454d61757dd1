import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** A cart as the points invariants look at it: totals, the points credit, the payment asked. */
export type CartCreditState = {
  id: string
  currency_code: string
  customer_id: string | null
  total: number
  items: number
  /** Sum of the loyalty credit lines' amounts and points. */
  credit: number
  points: number
  /** How many loyalty credit lines the cart carries. */
  lines: number
  /** The total before the points credit. */
  before_credit: number
  /** What the payment collection asks for; null without one. */
  payment_amount: number | null
  completed_at: string | null
}

/** Reads a cart through `query.graph` the way the invariants need it. */
export async function cartCreditState(container: MedusaContainer, cartId: string): Promise<CartCreditState> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "currency_code",
      "customer_id",
      "total",
      "completed_at",
      "items.id",
      "credit_lines.*",
      "payment_collection.amount",
    ],
    filters: { id: cartId },
  })
  const lines = ((cart.credit_lines ?? []) as any[]).filter((l) => l?.reference === "loyalty_points")
  const credit = lines.reduce((s, l) => s + Number(l.amount), 0)
  const total = Number(cart.total)
  return {
    id: cart.id,
    currency_code: cart.currency_code,
    customer_id: cart.customer_id ?? null,
    total,
    items: (cart.items ?? []).filter(Boolean).length,
    credit,
    points: lines.reduce((s, l) => s + Number(l.metadata?.points ?? 0), 0),
    lines: lines.length,
    before_credit: total + credit,
    payment_amount: cart.payment_collection ? Number(cart.payment_collection.amount) : null,
    completed_at: cart.completed_at ? String(cart.completed_at) : null,
  }
}

/** Money compared to the cent (floats from JSON). */
export function cents(value: number) {
  return Math.round(value * 100)
}
