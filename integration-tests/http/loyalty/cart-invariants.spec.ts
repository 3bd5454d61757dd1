import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { MedusaContainer } from "@medusajs/framework/types"
import fc from "fast-check"
import { createAdminUser } from "../../helpers/admin"
import { eventually } from "../../helpers/eventually"
import { addPaymentSession, CommerceFixture, createCommerceFixture, prepareCart } from "../../helpers/commerce"
import { cartCreditState, CartCreditState } from "../../helpers/cart-credit"
import { createShopper } from "../../helpers/store"
import LoyaltyPointsService from "../../../src/modules/loyalty_points/service"
import { AftersalesModules } from "../../../src/types/modules"

/*
 * The generative layer for SPEC §10's cart invariant: random sequences of what a shopper does
 * to a cart (items, quantities, region, points, coupons, completion) against a real store over
 * HTTP, with the invariants checked after every step. `FC_RUNS` sets the number of sequences
 * (50 by default), `FC_SEED` (and `FC_PATH`) replay a failure that fast-check reported.
 */

const RUNS = Number(process.env.FC_RUNS ?? 50)
jest.setTimeout(Math.max(10, RUNS) * 60 * 1000)

/** The settings the store runs with (the defaults): money per point, the share, the minimum. */
const POINT_VALUES: Record<string, number> = { eur: 0.01, try: 0.5 }
const SHARE = 0.5
const TOP_UP_TO = 8000

const ADDRESSES = {
  eu: { first_name: "Anna", last_name: "Berg", address_1: "Hauptstr. 1", city: "Berlin", postal_code: "10115", country_code: "de" },
  tr: { first_name: "Ayşe", last_name: "Yılmaz", address_1: "İstiklal Cd. 10", city: "İstanbul", postal_code: "34430", country_code: "tr" },
}

type Variant = "shirt_s" | "shirt_m" | "mug_white" | "mug_black"
type Region = "eu" | "tr"
type Action =
  | { kind: "add"; variant: Variant; quantity: number }
  | { kind: "quantity"; index: number; quantity: number }
  | { kind: "remove"; index: number }
  | { kind: "region"; region: Region }
  | { kind: "apply"; points: number | "max" }
  | { kind: "unapply" }
  | { kind: "promo"; code: "TENOFF" | "BIGSALE" }
  | { kind: "complete" }

const variantArb = fc.constantFrom<Variant>("shirt_s", "shirt_m", "mug_white", "mug_black")
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant("add" as const), variant: variantArb, quantity: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant("quantity" as const), index: fc.nat(3), quantity: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant("remove" as const), index: fc.nat(3) }),
  fc.record({ kind: fc.constant("region" as const), region: fc.constantFrom<Region>("eu", "tr") }),
  fc.record({
    kind: fc.constant("apply" as const),
    points: fc.oneof(fc.constant("max" as const), fc.integer({ min: 50, max: 9000 })),
  }),
  fc.record({ kind: fc.constant("unapply" as const) }),
  fc.record({ kind: fc.constant("promo" as const), code: fc.constantFrom<"TENOFF" | "BIGSALE">("TENOFF", "BIGSALE") }),
  fc.record({ kind: fc.constant("complete" as const) })
)
const sequenceArb = fc.record({
  region: fc.constantFrom<Region>("eu", "tr"),
  first: variantArb,
  actions: fc.array(actionArb, { minLength: 1, maxLength: 7 }),
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let fixture: CommerceFixture
    let admin: { headers: Record<string, string> }
    let service: LoyaltyPointsService

    /** A request that may be refused (4xx) but never fails inside (5xx). */
    async function attempt<T>(label: string, call: () => Promise<T>): Promise<T | null> {
      try {
        return await call()
      } catch (e: any) {
        const status = e?.response?.status
        if (!status || status >= 500) {
          throw new Error(`${label} answered ${status ?? "no response"}: ${JSON.stringify(e?.response?.data ?? e?.message)}`)
        }
        return null
      }
    }

    /** SPEC §10 on an open cart, and the payment collection asking the cart's total. */
    function checkCart(state: CartCreditState, step: string) {
      const where = `${step}: ${JSON.stringify(state)}`
      const pointValue = POINT_VALUES[state.currency_code]
      if (state.total < 0) {
        throw new Error(`negative total after ${where}`)
      }
      if (state.lines > 1) {
        throw new Error(`more than one points credit after ${where}`)
      }
      if (state.lines && (!state.items || !pointValue)) {
        throw new Error(`a credit on an empty cart or a currency without a point value after ${where}`)
      }
      if (state.lines && Math.abs(state.credit - state.points * pointValue) > 1e-9) {
        throw new Error(`credit is not points × today's point value after ${where}`)
      }
      if (state.credit > state.before_credit * SHARE + 1e-9) {
        throw new Error(`credit above the share of the total before credit after ${where}`)
      }
      if (state.payment_amount !== null && Math.abs(state.payment_amount - state.total) > 1e-9) {
        throw new Error(`payment collection asks ${state.payment_amount}, cart total is ${state.total}, after ${where}`)
      }
    }

    async function checkLedger(customerId: string, step: string) {
      const summary = await service.getAccountSummary(customerId)
      const sums = await service.sumLedger(customerId)
      if (summary.balance !== sums.balance || summary.pending !== sums.pending || summary.balance < 0) {
        throw new Error(`balance ${JSON.stringify(summary)} is not the ledger's ${JSON.stringify(sums)} after ${step}`)
      }
    }

    /** Points debited for a cart, net of refunds of those debits. */
    async function netRedeemed(customerId: string, cartId: string) {
      const redeems = await service.listLoyaltyTransactions({ customer_id: customerId, type: "redeem", reference_id: cartId })
      const refunds = redeems.length
        ? await service.listLoyaltyTransactions({ type: "refund", reference_id: redeems.map((r) => r.id) })
        : []
      return -redeems.reduce((s, r) => s + r.points, 0) - refunds.reduce((s, r) => s + r.points, 0)
    }

    async function orderPoints(orderId: string) {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const {
        data: [order],
      } = await query.graph({
        entity: "order",
        fields: ["id", "total", "credit_lines.*", "payment_collections.amount"],
        filters: { id: orderId },
      })
      const lines = (order.credit_lines ?? []).filter((l: any) => l?.reference === "loyalty_points")
      return {
        points: lines.reduce((s: number, l: any) => s + Number(l.metadata?.points ?? 0), 0),
        total: Number(order.total),
        paid: Number(order.payment_collections?.[0]?.amount ?? NaN),
      }
    }

    it(`keeps SPEC §10's cart invariants over ${RUNS} random cart sequences`, async () => {
      container = getContainer()
      fixture = await createCommerceFixture(container)
      admin = await createAdminUser(container, api)
      service = container.resolve(AftersalesModules.LOYALTY_POINTS)
      for (const [code, value] of [["TENOFF", 10], ["BIGSALE", 90]] as const) {
        await api.post(
          "/admin/promotions",
          {
            code,
            type: "standard",
            status: "active",
            is_automatic: false,
            application_method: { type: "percentage", target_type: "order", allocation: "across", value },
          },
          { headers: admin.headers }
        )
      }
      const shopper = await createShopper(api, fixture.publishableKey)
      await eventually(async () => {
        expect((await service.getAccountSummary(shopper.customerId)).balance).toEqual(100)
      })
      const headers = shopper.headers
      let sequences = 0
      let completed = 0

      await fc.assert(
        fc.asyncProperty(sequenceArb, async ({ region: startRegion, first, actions }) => {
          sequences++
          const { balance } = await service.getAccountSummary(shopper.customerId)
          if (balance < TOP_UP_TO) {
            await api.post(
              `/admin/customers/${shopper.customerId}/loyalty/adjustments`,
              { points: TOP_UP_TO - balance, reason: "generative test top-up" },
              { headers: admin.headers }
            )
          }
          const cartId = await prepareCart(api, fixture, headers, {
            region: startRegion,
            items: [{ variant_id: fixture.variants[first], quantity: 1 }],
          })
          let region = startRegion
          const items = async () => {
            const { data } = await api.get(`/store/carts/${cartId}?fields=*items`, { headers })
            return data.cart.items as { id: string }[]
          }
          for (const [i, action] of actions.entries()) {
            const step = `step ${i} ${JSON.stringify(action)}`
            switch (action.kind) {
              case "add":
                await attempt(step, () =>
                  api.post(`/store/carts/${cartId}/line-items`, { variant_id: fixture.variants[action.variant], quantity: action.quantity }, { headers })
                )
                break
              case "quantity":
              case "remove": {
                const lines = await items()
                if (!lines.length) {
                  break
                }
                const line = lines[action.index % lines.length]
                await attempt(step, () =>
                  action.kind === "quantity"
                    ? api.post(`/store/carts/${cartId}/line-items/${line.id}`, { quantity: action.quantity }, { headers })
                    : api.delete(`/store/carts/${cartId}/line-items/${line.id}`, { headers })
                )
                break
              }
              case "region":
                region = action.region
                await attempt(step, () =>
                  api.post(
                    `/store/carts/${cartId}`,
                    { region_id: fixture.regions[action.region], shipping_address: ADDRESSES[action.region], billing_address: ADDRESSES[action.region] },
                    { headers }
                  )
                )
                break
              case "apply":
                await attempt(step, () =>
                  api.post(`/store/carts/${cartId}/loyalty-points`, action.points === "max" ? { max: true } : { points: action.points }, { headers })
                )
                break
              case "unapply":
                await attempt(step, () => api.delete(`/store/carts/${cartId}/loyalty-points`, { headers }))
                break
              case "promo":
                await attempt(step, () => api.post(`/store/carts/${cartId}/promotions`, { promo_codes: [action.code] }, { headers }))
                break
              case "complete": {
                const before = await cartCreditState(container, cartId)
                const ready =
                  (await attempt(step, () =>
                    api.post(`/store/carts/${cartId}/shipping-methods`, { option_id: fixture.shippingOptionId }, { headers })
                  )) &&
                  (await attempt(step, async () => {
                    await addPaymentSession(api, cartId, headers)
                    return true
                  }))
                if (!ready) {
                  if (before.items) {
                    throw new Error(`could not prepare the payment of a cart with items at ${step}`)
                  }
                  break
                }
                const result = await attempt(step, () => api.post(`/store/carts/${cartId}/complete`, {}, { headers }))
                const data = (result as any)?.data
                await checkLedger(shopper.customerId, step)
                if (data?.type !== "order") {
                  // A refused completion debits nothing.
                  if ((await netRedeemed(shopper.customerId, cartId)) !== 0) {
                    throw new Error(`a refused completion kept a debit at ${step}`)
                  }
                  if (before.items) {
                    throw new Error(`completion of ${JSON.stringify(before)} refused at ${step}: ${JSON.stringify(data ?? result)}`)
                  }
                  break
                }
                completed++
                const order = await orderPoints(data.order.id)
                const debited = await netRedeemed(shopper.customerId, cartId)
                if (debited !== order.points || order.points !== before.points) {
                  throw new Error(`debited ${debited} points, the order's credit line carries ${order.points}, the cart had ${before.points}, at ${step}`)
                }
                if (order.total < 0 || Math.abs(order.paid - order.total) > 1e-9) {
                  throw new Error(`order total ${order.total}, paid ${order.paid} at ${step}`)
                }
                return
              }
            }
            checkCart(await cartCreditState(container, cartId), `${step} (region ${region})`)
            await checkLedger(shopper.customerId, step)
          }
        }),
        {
          numRuns: RUNS,
          verbose: 2,
          endOnFailure: process.env.FC_SHRINK === "false",
          ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {}),
        }
      )
      // Visible in the jest output as the test's own expectation: how much was exercised.
      // (A replay of one counterexample may not complete a cart.)
      expect({ sequences: sequences >= RUNS, completed: completed > 0 || !!process.env.FC_SEED }).toEqual({
        sequences: true,
        completed: true,
      })
    })
  },
})
