import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import fc from "fast-check"
import { AftersalesModules } from "../../../src/types/modules"
import { createAdminUser } from "../../helpers/admin"
import { CommerceFixture, createCommerceFixture, placeOrder, prepareCart } from "../../helpers/commerce"
import { createShopper } from "../../helpers/store"

/*
 * The generative layer for goodwill gestures (issue #13, item 1): random gesture kinds and
 * values on random orders, then the coupon applied to a random later cart, against a real
 * store over HTTP. After every run: the coupon took no more off the cart than the gesture was
 * booked at, and the month's booked amounts per currency stay within the policy's budget.
 * `FC_RUNS` sets the number of runs (12 by default), `FC_SEED` (and `FC_PATH`) replay a failure.
 */

const RUNS = Number(process.env.FC_RUNS ?? 12)
jest.setTimeout(Math.max(10, RUNS) * 60 * 1000)

/** The budget of the policy the runs issue under: small enough that some runs hit it. */
const BUDGET: Record<string, number> = { eur: 120, try: 3600 }
const EPSILON = 1e-6

type Variant = "shirt_s" | "shirt_m" | "mug_white" | "mug_black"
type Region = "eu" | "tr"
const CURRENCY: Record<Region, string> = { eu: "eur", tr: "try" }

const variantArb = fc.constantFrom<Variant>("shirt_s", "shirt_m", "mug_white", "mug_black")
const linesArb = fc.array(fc.record({ variant: variantArb, quantity: fc.integer({ min: 1, max: 6 }) }), {
  minLength: 1,
  maxLength: 3,
})
const gestureArb = fc.oneof(
  fc.record({ kind: fc.constant("percentage" as const), value: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ kind: fc.constant("fixed" as const), value: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant("free_shipping" as const), value: fc.constant(1) })
)
const runArb = fc.record({
  region: fc.constantFrom<Region>("eu", "tr"),
  order: linesArb,
  gesture: gestureArb,
  laterRegion: fc.constantFrom<Region>("eu", "tr"),
  later: linesArb,
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("a coupon takes no more off any later cart than it was booked at; booked amounts stay within the budget", async () => {
      const container = getContainer()
      const fixture: CommerceFixture = await createCommerceFixture(container)
      const admin = await createAdminUser(container, api)
      const shopper = await createShopper(api, fixture.publishableKey)
      const gestures = container.resolve(AftersalesModules.GESTURES) as any

      const { data } = await api.get("/admin/aftersales/settings", { headers: admin.headers })
      const policies = data.settings.gestures.policies.map((p: any) =>
        p.category === "damaged"
          ? {
              ...p,
              max_per_customer_90d: 10_000,
              max_order_share: 1,
              monthly_budget: BUDGET,
              approval_above: { eur: 1_000_000, try: 1_000_000 },
            }
          : p
      )
      await api.post("/admin/aftersales/settings", { gestures: { policies } }, { headers: admin.headers })

      const lines = (ls: { variant: Variant; quantity: number }[]) =>
        ls.map((l) => ({ variant_id: fixture.variants[l.variant], quantity: l.quantity }))
      let runs = 0
      let issued = 0
      let applied = 0

      await fc.assert(
        fc.asyncProperty(runArb, async (run) => {
          runs++
          const currency = CURRENCY[run.region]
          const order = await placeOrder(api, fixture, shopper.headers, { items: lines(run.order), region: run.region })
          const {
            data: { ticket },
          } = await api.post(
            "/store/support-tickets",
            { category: "damaged", subject: "Broken", body: "It arrived broken", order_id: order.id },
            { headers: shopper.headers }
          )
          const resolved = await api
            .post(
              `/admin/support-tickets/${ticket.id}/resolve`,
              { outcome: "sorry", gesture: { ...run.gesture, currency_code: currency } },
              { headers: admin.headers }
            )
            .catch((e: any) => {
              const status = e?.response?.status
              if (!status || status >= 500) {
                throw new Error(`resolve answered ${status ?? "no response"}: ${JSON.stringify(e?.response?.data ?? e?.message)}`)
              }
              return null
            })

          // The budget: the month's live gestures per currency, booked amounts summed.
          const live = await gestures.listGestures({ status: ["pending_approval", "issued", "redeemed"] })
          for (const c of Object.keys(BUDGET)) {
            const booked = live
              .filter((g: any) => g.currency_code === c)
              .reduce((sum: number, g: any) => sum + Number(g.amount), 0)
            if (booked > BUDGET[c] + EPSILON) {
              throw new Error(`${booked} ${c} booked, budget ${BUDGET[c]}`)
            }
          }
          if (!resolved?.data.gesture_id) {
            return
          }
          const [gesture] = await gestures.listGestures({ id: resolved.data.gesture_id })
          if (gesture.status !== "issued") {
            throw new Error(`gesture ${gesture.id} is ${gesture.status}, the policy has no threshold in reach`)
          }
          issued++
          if (!(Number(gesture.amount) > 0)) {
            throw new Error(`gesture ${gesture.id} booked at ${gesture.amount}`)
          }

          const cartId = await prepareCart(api, fixture, shopper.headers, { items: lines(run.later), region: run.laterRegion })
          const before = (await api.get(`/store/carts/${cartId}`, { headers: shopper.headers })).data.cart
          const after = await api
            .post(`/store/carts/${cartId}/promotions`, { promo_codes: [gesture.code] }, { headers: shopper.headers })
            .then(
              (r: any) => r.data.cart,
              (e: any) => {
                if ((e?.response?.status ?? 500) >= 500) {
                  throw new Error(`applying ${gesture.code} answered ${e?.response?.status}: ${JSON.stringify(e?.response?.data)}`)
                }
                return before
              }
            )
          const taken = before.total - after.total
          const where = `${JSON.stringify(run)} booked ${gesture.amount} ${gesture.currency_code}, cart ${before.total} -> ${after.total}`
          if (taken < -EPSILON) {
            throw new Error(`the coupon raised the cart's total: ${where}`)
          }
          if (taken > Number(gesture.amount) + EPSILON) {
            throw new Error(`the coupon took ${taken} off, more than it was booked at: ${where}`)
          }
          if (after.currency_code !== gesture.currency_code && taken > EPSILON) {
            throw new Error(`the coupon worked in another currency: ${where}`)
          }
          if (taken > EPSILON) {
            applied++
          }
        }),
        {
          numRuns: RUNS,
          verbose: 2,
          endOnFailure: process.env.FC_SHRINK === "false",
          ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH } : {}),
        }
      )
      // How much was exercised, visible as the test's own expectation.
      expect({ runs: runs >= RUNS, issued: issued > 0, applied: applied > 0 || !!process.env.FC_SEED }).toEqual({
        runs: true,
        issued: true,
        applied: true,
      })
    })
  },
})
