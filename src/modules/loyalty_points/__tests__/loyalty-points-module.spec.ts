import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import { AftersalesModules } from "../../../types/modules"
import LoyaltyPointsService from "../service"

jest.setTimeout(60 * 1000)

const DAY = 24 * 60 * 60 * 1000
const inDays = (n: number) => new Date(Date.now() + n * DAY)

moduleIntegrationTestRunner<LoyaltyPointsService>({
  moduleName: AftersalesModules.LOYALTY_POINTS,
  resolve: path.join(__dirname, ".."),
  moduleOptions: { loyalty: { expiry_months: 12 } },
  testSuite: ({ service }) => {
    /** The cached columns must always equal the ledger's sums. */
    async function expectConsistent(customerId: string) {
      const summary = await service.getAccountSummary(customerId)
      const sums = await service.sumLedger(customerId)
      expect({ balance: summary.balance, pending: summary.pending }).toEqual({
        balance: sums.balance,
        pending: sums.pending,
      })
      // Every available point sits in exactly one lot.
      expect(sums.lots_remaining).toEqual(sums.balance)
      return summary
    }

    describe("addBonusPoints", () => {
      it("credits once per idempotency key, available at once, expiring per the options", async () => {
        const input = {
          customer_id: "cus_bonus",
          points: 150,
          reason: "Sorry for the delay",
          idempotency_key: "gesture:ges_1",
          source: "gesture",
          reference_id: "ges_1",
        }
        const [first, second] = await Promise.all([
          service.addBonusPoints(input),
          service.addBonusPoints(input),
        ])
        expect(first.id).toMatch(/^lytx_/)
        expect(second.id).toEqual(first.id)
        expect(first).toEqual(
          expect.objectContaining({ type: "bonus", points: 150, status: "available", source: "gesture", reference_id: "ges_1" })
        )
        const expires = new Date(first.expires_at as string).getTime()
        expect(expires).toBeGreaterThan(inDays(360).getTime())
        expect(expires).toBeLessThan(inDays(370).getTime())
        const summary = await expectConsistent("cus_bonus")
        expect(summary.balance).toEqual(150)
      })

      it.each([[0], [-5], [1.5]])("refuses %p points", async (points) => {
        const err = await service
          .addBonusPoints({ customer_id: "cus_x", points, reason: "r", idempotency_key: `k${points}` })
          .catch((e) => e)
        expect(err.type).toEqual("invalid_data")
      })
    })

    describe("spending and expiry of lots", () => {
      it("spends the soonest-expiring lot first and expires the right remainders", async () => {
        const c = "cus_lots"
        const late = await service.addBonusPoints({ customer_id: c, points: 100, reason: "late", idempotency_key: "l1", expires_at: inDays(300) })
        const soon = await service.addBonusPoints({ customer_id: c, points: 50, reason: "soon", idempotency_key: "l2", expires_at: inDays(10) })
        const never = await service.addBonusPoints({ customer_id: c, points: 30, reason: "never", idempotency_key: "l3", expires_at: null })
        const mid = await service.addBonusPoints({ customer_id: c, points: 40, reason: "mid", idempotency_key: "l4", expires_at: inDays(20) })

        const spent = await service.adjustPoints({ customer_id: c, points: -70, reason: "correction", idempotency_key: "a1" })
        expect(spent.allocations).toEqual({ [soon.id]: 50, [mid.id]: 20 })

        let summary = await expectConsistent(c)
        expect(summary.balance).toEqual(150)
        expect(summary.next_expiry).toEqual({ points: 20, expires_at: expect.anything() })

        // 25 days on: the soon lot is empty, the mid lot has 20 left and expires; nothing else.
        const expired = (await service.expireDue(inDays(25))).entries
        expect(expired).toHaveLength(1)
        expect(expired[0]).toEqual(expect.objectContaining({ type: "expire", points: -20, reference_id: mid.id }))
        // A second run finds nothing left to expire.
        expect((await service.expireDue(inDays(25))).entries).toHaveLength(0)
        summary = await expectConsistent(c)
        expect(summary.balance).toEqual(130)

        const all = (await service.expireDue(inDays(400))).entries
        expect(all.map((e) => [e.reference_id, e.points])).toEqual([[late.id, -100]])
        summary = await expectConsistent(c)
        expect(summary.balance).toEqual(30)
        expect(never.remaining).toEqual(30)
      })

      it("refuses a debit below zero and leaves the ledger untouched", async () => {
        const c = "cus_low"
        await service.addBonusPoints({ customer_id: c, points: 10, reason: "r", idempotency_key: "low1" })
        const err = await service
          .adjustPoints({ customer_id: c, points: -11, reason: "too much", idempotency_key: "low2" })
          .catch((e) => e)
        expect(err.type).toEqual("not_allowed")
        const summary = await expectConsistent(c)
        expect(summary.balance).toEqual(10)
        const [, count] = await service.listAndCountLoyaltyTransactions({ customer_id: c })
        expect(count).toEqual(1)
      })
    })

    describe("refunds into expired lots", () => {
      it("never revives an expired lot: its points come back in a new lot expiring 30 days on", async () => {
        const c = "cus_refund_expired"
        const other = "cus_refund_bystander"
        const lot = await service.addBonusPoints({ customer_id: c, points: 100, reason: "r", idempotency_key: "rx1", expires_at: inDays(5) })
        const running = await service.addBonusPoints({ customer_id: c, points: 50, reason: "r", idempotency_key: "rx2", expires_at: inDays(100) })
        const { transaction: spent } = await service.redeemForCart({
          customer_id: c, cart_id: "cart_rx1", points: 80, amount: 0.8, currency_code: "eur",
        })
        expect(spent.allocations).toEqual({ [lot.id]: 80 })
        // Time passes: the lot's date goes by and the expiry job takes the 20 left in it.
        await service.updateLoyaltyTransactions({ id: lot.id, expires_at: inDays(-1) })
        const first = await service.expireDue(new Date())
        expect(first.entries.map((e) => [e.reference_id, e.points])).toEqual([[lot.id, -20]])
        const { transaction: later } = await service.redeemForCart({
          customer_id: c, cart_id: "cart_rx2", points: 30, amount: 0.3, currency_code: "eur",
        })
        expect(later.allocations).toEqual({ [running.id]: 30 })
        const bystander = await service.addBonusPoints({ customer_id: other, points: 10, reason: "r", idempotency_key: "rx3", expires_at: inDays(-2) })

        // Both orders are cancelled.
        const before = Date.now()
        const refund = await service.refundRedemption({ redemption_id: spent.id, idempotency_key: "cancel:rx1", reason: "order canceled" })
        expect(refund).toEqual(expect.objectContaining({ type: "refund", points: 80, remaining: 80, allocations: {} }))
        expect(new Date(refund!.expires_at as string).getTime()).toBeGreaterThanOrEqual(before + 30 * DAY)
        const refundLive = await service.refundRedemption({ redemption_id: later.id, idempotency_key: "cancel:rx2", reason: "order canceled" })
        expect(refundLive).toEqual(
          expect.objectContaining({ points: 30, remaining: 0, expires_at: null, allocations: { [running.id]: 30 } })
        )
        const [oldLot, runningLot] = await Promise.all([
          service.retrieveLoyaltyTransaction(lot.id),
          service.retrieveLoyaltyTransaction(running.id),
        ])
        expect(oldLot.remaining).toEqual(0)
        expect(runningLot.remaining).toEqual(50)
        expect((await expectConsistent(c)).balance).toEqual(130)

        // The next run expires the bystander's lot and nothing of theirs; it fails for no one.
        const next = await service.expireDue(new Date())
        expect(next.failed).toEqual([])
        expect(next.entries.map((e) => [e.reference_id, e.points])).toEqual([[bystander.id, -10]])
        expect((await expectConsistent(c)).balance).toEqual(130)
        expect((await expectConsistent(other)).balance).toEqual(0)
        // The new lot expires on its own date, once.
        const month = await service.expireDue(inDays(31))
        expect(month.failed).toEqual([])
        expect(month.entries.map((e) => [e.reference_id, e.points])).toEqual([[refund!.id, -80]])
        expect((await expectConsistent(c)).balance).toEqual(50)
      })

      it("expires points an older release put back into an expired lot, under a key of their own", async () => {
        const c = "cus_revived"
        const lot = await service.addBonusPoints({ customer_id: c, points: 40, reason: "r", idempotency_key: "rv1", expires_at: inDays(5) })
        const { transaction: spent } = await service.redeemForCart({
          customer_id: c, cart_id: "cart_rv", points: 30, amount: 0.3, currency_code: "eur",
        })
        await service.updateLoyaltyTransactions({ id: lot.id, expires_at: inDays(-1) })
        expect((await service.expireDue(new Date())).entries).toHaveLength(1)
        // What the old refund did: the 30 points back into the lot after it had expired.
        const refund = await service.refundRedemption({ redemption_id: spent.id, idempotency_key: "cancel:rv", reason: "r" })
        await service.updateLoyaltyTransactions([
          { id: refund!.id, remaining: 0 },
          { id: lot.id, remaining: 30 },
        ])
        expect((await expectConsistent(c)).balance).toEqual(30)
        const run = await service.expireDue(new Date())
        expect(run.failed).toEqual([])
        expect(run.entries).toEqual([
          expect.objectContaining({ type: "expire", points: -30, reference_id: lot.id }),
        ])
        expect((await expectConsistent(c)).balance).toEqual(0)
      })
    })

    describe("redeemForCart", () => {
      it("lets only as many concurrent redemptions through as the balance covers", async () => {
        const c = "cus_race"
        await service.addBonusPoints({ customer_id: c, points: 300, reason: "r", idempotency_key: "race1" })
        const results = await Promise.allSettled(
          ["cart_a", "cart_b", "cart_c"].map((cart_id) =>
            service.redeemForCart({ customer_id: c, cart_id, points: 200, amount: 2, currency_code: "eur" })
          )
        )
        expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1)
        const refused = results.filter((r) => r.status === "rejected") as PromiseRejectedResult[]
        expect(refused.map((r) => r.reason.type)).toEqual(["not_allowed", "not_allowed"])
        const summary = await expectConsistent(c)
        expect(summary.balance).toEqual(100)
      })

      it("answers the live redemption on a retry and debits again after a refund", async () => {
        const c = "cus_retry"
        await service.addBonusPoints({ customer_id: c, points: 500, reason: "r", idempotency_key: "retry1" })
        const input = { customer_id: c, cart_id: "cart_r", points: 200, amount: 2, currency_code: "eur" }
        const first = await service.redeemForCart(input)
        const again = await service.redeemForCart(input)
        expect(first.created).toBe(true)
        expect(again).toEqual({ transaction: expect.objectContaining({ id: first.transaction.id }), created: false })
        expect((await expectConsistent(c)).balance).toEqual(300)

        const refund = await service.refundRedemption({ redemption_id: first.transaction.id, idempotency_key: "void:1", reason: "failed" })
        const refundAgain = await service.refundRedemption({ redemption_id: first.transaction.id, idempotency_key: "void:2", reason: "failed" })
        expect(refund).toEqual(expect.objectContaining({ type: "refund", points: 200 }))
        expect(refundAgain!.id).toEqual(refund!.id)
        expect((await expectConsistent(c)).balance).toEqual(500)

        const second = await service.redeemForCart(input)
        expect(second.created).toBe(true)
        expect(second.transaction.idempotency_key).toEqual("redeem:cart_r:2")
        expect((await expectConsistent(c)).balance).toEqual(300)
      })
    })

    describe("earning, unlocking and reversing", () => {
      it("keeps earned points pending until unlocked, and reverses pending and available shares", async () => {
        const c = "cus_earn"
        const earnInput = {
          customer_id: c,
          order_id: "order_1",
          points: 120,
          amount: 120,
          currency_code: "eur",
          rate: 1,
          multiplier: 1,
          available_at: inDays(14),
          expires_at: inDays(365),
          idempotency_key: "earn:order_1",
          lines: { item_1: { quantity: 2, amount: 120 } },
        }
        const [first, second] = await Promise.all([service.earnPoints(earnInput), service.earnPoints(earnInput)])
        expect(second.transaction.id).toEqual(first.transaction.id)
        // One of the two wrote the lot; a pending lot leaves the available points as they were.
        expect([first.created, second.created].sort()).toEqual([false, true])
        expect([first.balance, second.balance]).toEqual([0, 0])
        const earn = first.transaction
        let summary = await expectConsistent(c)
        expect(summary).toEqual(expect.objectContaining({ balance: 0, pending: 120 }))

        const pendingReverse = await service.reverseEarned({ earn_id: earn.id, points: 20, idempotency_key: "rev:1", reason: "return" })
        expect(pendingReverse).toEqual(expect.objectContaining({ status: "pending", points: -20 }))
        summary = await expectConsistent(c)
        expect(summary).toEqual(expect.objectContaining({ balance: 0, pending: 100 }))

        expect(await service.unlockDue(inDays(1))).toEqual(
          expect.objectContaining({ entries: 0, accounts: 0, points: 0, failed: [] })
        )
        expect(await service.unlockDue(inDays(15))).toEqual(
          expect.objectContaining({ entries: 2, accounts: 1, points: 100, failed: [] })
        )
        summary = await expectConsistent(c)
        expect(summary).toEqual(expect.objectContaining({ balance: 100, pending: 0 }))

        // Spend 90, then a return asks 60 back: 10 from the lot, the other 50 are gone.
        await service.adjustPoints({ customer_id: c, points: -90, reason: "spent", idempotency_key: "spend" })
        const late = await service.reverseEarned({ earn_id: earn.id, points: 60, idempotency_key: "rev:2", reason: "return" })
        expect(late).toEqual(expect.objectContaining({ points: -10, metadata: expect.objectContaining({ shortfall: 50 }) }))
        summary = await expectConsistent(c)
        expect(summary.balance).toEqual(0)
        // Never more than what was earned: 120 - 20 - 60 asked leaves 40 to reverse at most.
        const rest = await service.reverseEarned({ earn_id: earn.id, points: 500, idempotency_key: "rev:3", reason: "cancel" })
        expect(rest).toEqual(expect.objectContaining({ points: 0, metadata: expect.objectContaining({ shortfall: 40 }) }))
        expect(await service.earnedSince(c, inDays(-1))).toEqual(90)
      })
    })

    describe("settling an order toward a total", () => {
      it("reverses and refunds up to a total, once per total, never back and never beyond", async () => {
        const c = "cus_settle"
        const lot = await service.addBonusPoints({ customer_id: c, points: 300, reason: "r", idempotency_key: "st1", expires_at: inDays(5) })
        const later = await service.addBonusPoints({ customer_id: c, points: 300, reason: "r", idempotency_key: "st2", expires_at: inDays(100) })
        const { transaction: spent } = await service.redeemForCart({
          customer_id: c, cart_id: "cart_st", points: 500, amount: 5, currency_code: "eur",
        })
        expect(spent.allocations).toEqual({ [lot.id]: 300, [later.id]: 200 })
        const { transaction: earn } = await service.earnPoints({
          customer_id: c, order_id: "order_st", points: 100, amount: 100, currency_code: "eur", rate: 1,
          multiplier: 1, available_at: inDays(14), expires_at: inDays(365), idempotency_key: "earn:order_st", lines: {},
        })

        // The same total twice at once: one entry; a lower total later: nothing; a higher: the difference.
        const [a, b] = await Promise.all([
          service.reverseEarnedTo({ earn_id: earn.id, total: 40, reason: "items returned" }),
          service.reverseEarnedTo({ earn_id: earn.id, total: 40, reason: "items returned" }),
        ])
        expect([a, b].filter(Boolean).map((e) => e!.points)).toEqual([-40])
        expect(await service.reverseEarnedTo({ earn_id: earn.id, total: 30, reason: "order edited" })).toBeNull()
        expect(await service.reverseEarnedTo({ earn_id: earn.id, total: 70, reason: "items returned" })).toEqual(
          expect.objectContaining({ points: -30, status: "pending" })
        )
        expect(await service.reverseEarnedTo({ earn_id: earn.id, total: 500, reason: "order canceled" })).toEqual(
          expect.objectContaining({ points: -30 })
        )
        expect((await expectConsistent(c)).pending).toEqual(0)

        // Refunds: soonest-expiring lot first, partial, then the rest; never beyond what was spent.
        const first = await service.refundRedeemedTo({ redemption_id: spent.id, total: 250, reason: "items returned" })
        expect(first).toEqual(expect.objectContaining({ type: "refund", points: 250, amount: 2.5, allocations: { [lot.id]: 250 } }))
        expect(await service.refundRedeemedTo({ redemption_id: spent.id, total: 250, reason: "items returned" })).toBeNull()
        expect(await service.refundRedeemedTo({ redemption_id: spent.id, total: 100, reason: "late event" })).toBeNull()
        const rest = await service.refundRedeemedTo({ redemption_id: spent.id, total: 9999, reason: "order canceled" })
        expect(rest).toEqual(expect.objectContaining({ points: 250, allocations: { [lot.id]: 50, [later.id]: 200 } }))
        // A whole refund asked afterwards finds the redemption given back already.
        expect(await service.refundRedeemedTo({ redemption_id: spent.id, total: 500, reason: "order canceled" })).toBeNull()
        const [lotNow, laterNow] = await Promise.all([
          service.retrieveLoyaltyTransaction(lot.id),
          service.retrieveLoyaltyTransaction(later.id),
        ])
        expect([lotNow.remaining, laterNow.remaining]).toEqual([300, 300])
        expect((await expectConsistent(c)).balance).toEqual(600)
      })

      it("moves the unlock of a pending earning and its pending reversals together", async () => {
        const c = "cus_defer"
        const { transaction: earn } = await service.earnPoints({
          customer_id: c, order_id: "order_df", points: 80, amount: 80, currency_code: "eur", rate: 1,
          multiplier: 1, available_at: inDays(-1), expires_at: null, idempotency_key: "earn:order_df", lines: {},
        })
        await service.reverseEarnedTo({ earn_id: earn.id, total: 30, reason: "items returned" })
        expect(await service.deferUnlock(earn.id, inDays(20))).toEqual(true)
        expect((await service.unlockDue(new Date())).entries).toEqual(0)
        expect(await service.unlockDue(inDays(21))).toEqual(expect.objectContaining({ entries: 2, points: 50 }))
        // Available now: nothing to move.
        expect(await service.deferUnlock(earn.id, inDays(40))).toEqual(false)
        expect(await expectConsistent(c)).toEqual(expect.objectContaining({ balance: 50, pending: 0 }))
      })
    })
  },
})
