import { OrderForPoints, pointsToRefund, pointsToReverse } from "../order-points"
import { orderReturnWindowEnd } from "../return-window"

const DAY = 24 * 60 * 60 * 1000

/** 2 shirts at 50 and a mug at 20; 6 EUR paid with points: 114 eligible of 120. */
const earning = {
  points: 114,
  amount: 114,
  rate: 1,
  multiplier: 1,
  metadata: {
    base: 120,
    lines: { shirts: { quantity: 2, amount: 95, base: 100 }, mug: { quantity: 1, amount: 19, base: 20 } },
  },
}

function order(
  shirts: { quantity?: number; received?: number; written_off?: number },
  extra: OrderForPoints["items"] = [],
  more: Partial<OrderForPoints> = {}
): OrderForPoints {
  return {
    id: "order_1",
    items: [
      {
        id: "shirts",
        unit_price: 50,
        quantity: shirts.quantity ?? 2,
        detail: { return_received_quantity: shirts.received ?? 0, written_off_quantity: shirts.written_off ?? 0 },
      },
      { id: "mug", unit_price: 20, quantity: 1, detail: {} },
      ...(extra ?? []),
    ],
    payment_collections: [{ amount: 124, created_at: "2026-01-01" }],
    ...more,
  }
}

describe("pointsToReverse: earned − points for what is kept", () => {
  it("is the same target however the units went (rounds, claims, edits) and never negative", () => {
    expect(pointsToReverse(earning, order({}))).toEqual(0)
    // One shirt back: kept 114 × 70 / 120 = 66.5 -> 66, so 48 go.
    expect(pointsToReverse(earning, order({ received: 1 }))).toEqual(48)
    expect(pointsToReverse(earning, order({ written_off: 1 }))).toEqual(48)
    expect(pointsToReverse(earning, order({ quantity: 1 }))).toEqual(48)
    expect(pointsToReverse(earning, order({ received: 2 }))).toEqual(114 - 19)
    expect(pointsToReverse(earning, order({}, [], { status: "canceled" }))).toEqual(114)
  })

  it("counts an exchange's new line at its price while kept, and takes it back when it comes back", () => {
    const dearer = { id: "new", unit_price: 60, quantity: 1, detail: {} }
    expect(pointsToReverse(earning, order({ received: 1 }, [dearer]))).toEqual(0)
    const cheaper = { id: "new", unit_price: 20, quantity: 1, detail: {} }
    // Kept 66.5 + 20 = 86.5 -> 86: 28 go.
    expect(pointsToReverse(earning, order({ received: 1 }, [cheaper]))).toEqual(28)
    const returned = { ...cheaper, detail: { return_received_quantity: 1 } }
    expect(pointsToReverse(earning, order({ received: 1 }, [returned]))).toEqual(48)
  })
})

describe("pointsToRefund: money first, points for the rest", () => {
  const redemption = { points: -600, amount: 6 }
  it("gives nothing back while the money paid covers what went back, then the rest, at most all", () => {
    expect(pointsToRefund(redemption, order({ received: 2 }), earning.metadata.lines)).toEqual(0)
    // Everything back: 120 EUR, 124 in money (with 10 shipping) covers it.
    const all = order({ received: 2 }, [])
    all.items![1]!.detail = { return_received_quantity: 1 }
    expect(pointsToRefund(redemption, all, earning.metadata.lines)).toEqual(0)
    const paidLess = { ...all, payment_collections: [{ amount: 117, created_at: "2026-01-01" }, { amount: 500, created_at: "2026-02-01" }] }
    expect(pointsToRefund(redemption, paidLess, earning.metadata.lines)).toEqual(300)
    const paidNothing = { ...all, payment_collections: [] }
    expect(pointsToRefund(redemption, paidNothing, earning.metadata.lines)).toEqual(600)
    expect(pointsToRefund(redemption, order({}, [], { canceled_at: "2026-01-02" }), earning.metadata.lines)).toEqual(600)
    // An edit that removed every line: the removed lines count at their stored price.
    const emptied = { ...paidLess, items: [] }
    expect(pointsToRefund(redemption, emptied, earning.metadata.lines)).toEqual(300)
  })
})

describe("orderReturnWindowEnd", () => {
  const settings = { window_days: 30, window_start: "delivery", overrides: [] } as any
  const placedAt = new Date("2026-01-01T00:00:00Z")
  const item = { id: "i1", quantity: 1, detail: { fulfilled_quantity: 1 } }
  const delivered = new Date("2026-01-05T00:00:00Z")
  it("is unknown until every held line is delivered, then delivery + window_days", () => {
    expect(orderReturnWindowEnd({ id: "o", created_at: placedAt, items: [{ ...item, detail: {} }] }, settings)).toBeNull()
    const sent = { created_at: "2026-01-02", items: [{ line_item_id: "i1" }] }
    expect(orderReturnWindowEnd({ id: "o", created_at: placedAt, items: [item], fulfillments: [sent] }, settings)).toBeNull()
    const arrived = { ...sent, delivered_at: delivered }
    expect(
      orderReturnWindowEnd({ id: "o", created_at: placedAt, items: [item], fulfillments: [arrived] }, settings)
    ).toEqual(new Date(delivered.getTime() + 30 * DAY))
    // A line fully returned holds nothing back; from the order, nothing needs sending.
    const back = { ...item, detail: { fulfilled_quantity: 0, return_received_quantity: 1 } }
    expect(orderReturnWindowEnd({ id: "o", created_at: placedAt, items: [back] }, settings)).toEqual(placedAt)
    expect(
      orderReturnWindowEnd({ id: "o", created_at: placedAt, items: [{ ...item, detail: {} }] }, { ...settings, window_start: "order" })
    ).toEqual(new Date(placedAt.getTime() + 30 * DAY))
  })
})
