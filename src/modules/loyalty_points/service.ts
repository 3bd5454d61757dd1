import { Context } from "@medusajs/framework/types"
import {
  BigNumber,
  InjectManager,
  InjectTransactionManager,
  MathBN,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { LoyaltyAccount, LoyaltyTransaction } from "./models"
import { isBirthday } from "./birthday"
import { expiryFor } from "./points-math"
import { expiryMonthsOf } from "./options"
import {
  AddBonusPointsInput,
  AdjustPointsInput,
  CreditResult,
  DuePage,
  EarnPointsInput,
  ExpiryRun,
  LoyaltyAccountDTO,
  LoyaltyAccountSummary,
  LoyaltyTransactionDTO,
  RedeemForCartInput,
  RefundRedeemedToInput,
  RefundRedemptionInput,
  ReverseEarnedInput,
  ReverseEarnedToInput,
  UnlockRun,
} from "./types"
import { LoyaltyOverviewSummary, OverviewPeriod } from "../../types/overview"
import { knexOf } from "../../utils/knex"
import { summarizeLedger } from "./repositories/overview"
import { LoyaltyTransactionRepository, NewEntry } from "./repositories/loyalty-transaction"

const DAY = 24 * 60 * 60 * 1000

/**
 * Points refunded after the lot they were spent from expired come back in a new lot that
 * expires this many days after the refund (never in the expired lot: it stays expired).
 */
export const REFUND_GRACE_DAYS = 30

/** What a partial refund of a redemption records: the points it gave back per lot. */
type RefundMetadata = { lots?: Record<string, number>; expired_lots?: number }

/** Lots in the order spending takes them: soonest expiry first, never-expiring last. */
function byExpiry(a: { expires_at: Date | null }, b: { expires_at: Date | null }): number {
  const at = (d: Date | null) => (d ? new Date(d).getTime() : Number.POSITIVE_INFINITY)
  return at(a.expires_at) - at(b.expires_at)
}

type InjectedDependencies = { loyaltyTransactionRepository: LoyaltyTransactionRepository }

/**
 * The points ledger. Every change of a balance is one ledger row written in the same
 * transaction as the cached `balance`/`pending` of the account, with the account row locked
 * (`FOR UPDATE`): two checkouts, an expiry run and an admin adjustment for the same customer
 * are serialised, so none of them reads a balance another is about to spend.
 */
export default class LoyaltyPointsService extends MedusaService<{
  LoyaltyAccount: { dto: LoyaltyAccountDTO }
  LoyaltyTransaction: { dto: LoyaltyTransactionDTO }
}>({
  LoyaltyAccount,
  LoyaltyTransaction,
}) {
  protected readonly defaultExpiryMonths_: number
  /** The ledger's SQL: locks, lot spending, entries written with the account's cached sums. */
  protected readonly ledger_: LoyaltyTransactionRepository

  constructor(container: InjectedDependencies, options: unknown) {
    super(...arguments)
    this.ledger_ = container.loyaltyTransactionRepository
    this.defaultExpiryMonths_ = expiryMonthsOf(options)
  }

  /** Balance, pending points and the next expiry of a customer, in constant time. */
  @InjectManager()
  async getAccountSummary(
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyAccountSummary> {
    const [account] = await this.listLoyaltyAccounts(
      { customer_id: customerId },
      { select: ["id", "balance", "pending"], take: 1 },
      sharedContext
    )
    if (!account) {
      return { account_id: null, customer_id: customerId, balance: 0, pending: 0, next_expiry: null }
    }
    return {
      account_id: account.id,
      customer_id: customerId,
      balance: Number(account.balance),
      pending: Number(account.pending),
      next_expiry: await this.ledger_.nextExpiry(account.id, sharedContext),
    }
  }

  /**
   * The balance and pending points summed over the whole ledger: the audit of the cached
   * columns (tests compare both; the cached ones are what requests read).
   */
  @InjectManager()
  async sumLedger(
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ balance: number; pending: number; lots_remaining: number }> {
    return await this.ledger_.sumByStatus(customerId, sharedContext)
  }

  /** Points earned (net of reversals) since a date: what tiers are measured on. */
  @InjectManager()
  async earnedSince(
    customerId: string,
    since: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    return Math.max(0, await this.ledger_.sumEarnedSince(customerId, since, sharedContext))
  }

  /**
   * Credits bonus points (signup, birthday, a goodwill gesture): available at once, expiring
   * per the settings. Idempotent on `idempotency_key`: a second call answers the first entry.
   */
  @InjectManager()
  async addBonusPoints(
    input: AddBonusPointsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyTransactionDTO> {
    assertWholePositive(input.points, "points")
    assertPresent(input.idempotency_key, "idempotency_key")
    assertPresent(input.reason, "reason")
    const { transaction } = await this.credit_(
      input.customer_id,
      {
        type: "bonus",
        points: input.points,
        idempotency_key: input.idempotency_key,
        reason: input.reason,
        source: input.source ?? "bonus",
        reference_id: input.reference_id ?? null,
        expires_at:
          input.expires_at !== undefined
            ? input.expires_at
            : expiryFor(new Date(), this.defaultExpiryMonths_),
      },
      sharedContext
    )
    return transaction
  }

  /**
   * Credits the points of a placed order as a pending lot. Idempotent on the key: a second
   * call answers the first entry with `created` false. `balance`: the points available after
   * it (a pending lot leaves them as they were), so the caller's message needs no read.
   */
  @InjectManager()
  async earnPoints(
    input: EarnPointsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CreditResult> {
    assertWhole(input.points, "points")
    return await this.credit_(
      input.customer_id,
      {
        type: "earn",
        points: input.points,
        idempotency_key: input.idempotency_key,
        status: "pending",
        available_at: input.available_at,
        expires_at: input.expires_at,
        reason: "order placed",
        source: "order",
        reference_id: input.order_id,
        order_id: input.order_id,
        currency_code: input.currency_code,
        amount: new BigNumber(input.amount),
        rate: input.rate,
        multiplier: input.multiplier,
        metadata: { lines: input.lines, ...(input.base !== undefined ? { base: input.base } : {}) },
      },
      sharedContext
    )
  }

  /** An admin's correction: a credit is a new lot; a debit cannot go below zero. */
  @InjectManager()
  async adjustPoints(
    input: AdjustPointsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyTransactionDTO> {
    assertWhole(input.points, "points")
    assertPresent(input.reason, "reason")
    if (input.points === 0) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "An adjustment must change the balance.")
    }
    const entry: NewEntry = {
      type: "adjust",
      points: input.points,
      idempotency_key: input.idempotency_key,
      reason: input.reason,
      source: "admin",
      metadata: input.created_by ? { created_by: input.created_by } : null,
      expires_at:
        input.expires_at !== undefined
          ? input.expires_at
          : expiryFor(new Date(), this.defaultExpiryMonths_),
    }
    if (input.points > 0) {
      return (await this.credit_(input.customer_id, entry, sharedContext)).transaction
    }
    return await this.debit_(input.customer_id, -input.points, entry, sharedContext)
  }

  /**
   * Spends points for a cart being completed. A cart has at most one live redemption: a
   * retried completion answers it (`created: false`); after a refund (failed completion) a new
   * attempt debits again under a new key. Fails with NOT_ALLOWED when the balance is short.
   */
  @InjectManager()
  async redeemForCart(
    input: RedeemForCartInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ transaction: LoyaltyTransactionDTO; created: boolean }> {
    assertWholePositive(input.points, "points")
    return await this.redeemForCart_(input, sharedContext)
  }

  /**
   * Gives redeemed points back to the lots they were taken from, once per redemption
   * (compensation of a failed completion, or a cancelled order).
   */
  @InjectManager()
  async refundRedemption(
    input: RefundRedemptionInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyTransactionDTO | null> {
    return await this.refundRedemption_(input, sharedContext)
  }

  /**
   * Takes earned points back (cancel, return), at most what is left of that earning. Pending
   * points are voided; available ones come off the balance, never below zero (what was
   * already spent is recorded as `metadata.shortfall`).
   */
  @InjectManager()
  async reverseEarned(
    input: ReverseEarnedInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyTransactionDTO | null> {
    assertWhole(input.points, "points")
    return await this.reverseEarned_(input, sharedContext)
  }

  /**
   * Takes earned points back up to a total: what the order's current state says should be
   * gone of the earning (cancel, returns received in any number of rounds, exchanges, claims,
   * order edits). Idempotent on the total (`settle:<earn id>:<total>`), and a total at or below
   * what was already taken back writes nothing, so a replayed or late event changes nothing.
   * Answers the entry written now, or null when there was nothing (more) to take back.
   */
  @InjectManager()
  async reverseEarnedTo(
    input: ReverseEarnedToInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyTransactionDTO | null> {
    assertWhole(input.total, "total")
    return await this.reverseEarned_(
      {
        earn_id: input.earn_id,
        points: input.total,
        total: input.total,
        idempotency_key: `settle:${input.earn_id}:${input.total}`,
        reason: input.reason,
        reference_id: input.reference_id,
      },
      sharedContext
    )
  }

  /**
   * Gives redeemed points back up to a total (at most what was redeemed), to the lots they
   * came from while those run, else in a lot of their own (as `refundRedemption`). Idempotent
   * on the total (`settle:<redemption id>:<total>`); a total at or below what was already
   * given back writes nothing. Answers the entry written now, or null.
   */
  @InjectManager()
  async refundRedeemedTo(
    input: RefundRedeemedToInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyTransactionDTO | null> {
    assertWhole(input.total, "total")
    return await this.refundRedeemedTo_(input, sharedContext)
  }

  /**
   * Moves the unlock of a pending earning (and of the pending reversals of it, which unlock
   * with it) to `availableAt`: its return window closes later than first thought, or is not
   * known yet. An earning already available is left alone. Answers whether it moved.
   */
  @InjectManager()
  async deferUnlock(
    earnId: string,
    availableAt: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    return await this.deferUnlock_(earnId, availableAt, sharedContext)
  }

  /**
   * Names the order on the live `redeem` entry of its cart (points are debited inside cart
   * completion, before the order exists). Idempotent: an entry that already names an order
   * keeps it, and a refunded attempt of the cart is left alone. Answers the entries named now.
   */
  @InjectManager()
  async attachRedemptionOrder(
    cartIds: string[],
    orderId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyTransactionDTO[]> {
    assertPresent(orderId, "order_id")
    if (!cartIds.length) {
      return []
    }
    return await this.ledger_.attachOrder(cartIds, orderId, sharedContext)
  }

  /**
   * Makes pending entries whose return window closed available, account by account, each in
   * its own transaction: an account that cannot be processed is reported in `failed` and
   * left as it was (the next run retries it), the others go on. Takes at most `limit`
   * accounts with ids after `afterId`; `last_account_id` is where the next page starts (null
   * when there is none).
   */
  @InjectManager()
  async unlockDue(
    now: Date = new Date(),
    { afterId = "", limit = 500 }: DuePage = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<UnlockRun> {
    const accountIds = await this.ledger_.listDueAccounts("unlock", now, afterId, limit, sharedContext)
    const run: UnlockRun = { entries: 0, accounts: 0, points: 0, failed: [], last_account_id: null }
    for (const accountId of accountIds) {
      try {
        const done = await this.unlockAccount_(accountId, now, { ...sharedContext })
        run.entries += done.entries
        run.points += done.points
        run.accounts += done.entries ? 1 : 0
      } catch (e) {
        run.failed.push({ account_id: accountId, message: messageOf(e) })
      }
    }
    run.last_account_id = accountIds.length === limit ? accountIds[accountIds.length - 1] : null
    return run
  }

  /**
   * Writes an `expire` entry for what remains of every lot past its expiry, account by
   * account, each in its own transaction, isolated as `unlockDue` is.
   */
  @InjectManager()
  async expireDue(
    now: Date = new Date(),
    { afterId = "", limit = 500 }: DuePage = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<ExpiryRun> {
    const accountIds = await this.ledger_.listDueAccounts("expire", now, afterId, limit, sharedContext)
    const run: ExpiryRun = { entries: [], accounts: 0, failed: [], last_account_id: null }
    for (const accountId of accountIds) {
      try {
        const written = await this.expireAccount_(accountId, now, { ...sharedContext })
        run.entries.push(...written)
        run.accounts += written.length ? 1 : 0
      } catch (e) {
        run.failed.push({ account_id: accountId, message: messageOf(e) })
      }
    }
    run.last_account_id = accountIds.length === limit ? accountIds[accountIds.length - 1] : null
    return run
  }

  /** Lots of available points that expire in a window, summed per customer (reminders). */
  @InjectManager()
  async listExpiringPoints(
    from: Date,
    to: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ customer_id: string; points: number; expires_at: Date }[]> {
    return await this.ledger_.sumExpiring(from, to, sharedContext)
  }

  /**
   * Records the customer's birthday ("MM-DD", or null when removed) as their profile now has
   * it. Setting it the first time is not a change; a different value later is, and starts the
   * 365 days during which no birthday bonus is given. Answers the account's birthday fields.
   */
  @InjectManager()
  async recordBirthday(
    customerId: string,
    birthday: string | null,
    now: Date = new Date(),
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ birthday: string | null; birthday_changed_at: Date | null; changed: boolean }> {
    if (birthday !== null && !isBirthday(birthday)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The birthday of customer ${customerId} must be "MM-DD", got ${JSON.stringify(birthday)}.`
      )
    }
    return await this.recordBirthday_(customerId, birthday, now, sharedContext)
  }

  /**
   * Accounts whose birthday is one of `days` ("MM-DD"), by id after `afterId` (keyset pages
   * over the partial index, so the job's cost grows with the day's birthdays only).
   */
  @InjectManager()
  async listBirthdayAccounts(
    days: string[],
    { afterId = "", limit = 500 }: { afterId?: string; limit?: number } = {},
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; customer_id: string; birthday: string; birthday_changed_at: Date | null }[]> {
    const accounts = await this.listLoyaltyAccounts(
      { birthday: days, id: { $gt: afterId } },
      { select: ["id", "customer_id", "birthday", "birthday_changed_at"], order: { id: "ASC" }, take: limit },
      sharedContext
    )
    return accounts.map((a) => ({
      id: a.id,
      customer_id: a.customer_id,
      birthday: a.birthday as string,
      birthday_changed_at: a.birthday_changed_at as Date | null,
    }))
  }

  @InjectTransactionManager()
  protected async recordBirthday_(
    customerId: string,
    birthday: string | null,
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ birthday: string | null; birthday_changed_at: Date | null; changed: boolean }> {
    const account = await this.lockAccount_(customerId, sharedContext)
    const current = await this.ledger_.readBirthday(account.id, sharedContext)
    if (current.birthday === birthday) {
      return { ...current, changed: false }
    }
    // Never set before (no value, no change recorded): the first entry is not a change.
    const first = current.birthday === null && current.birthday_changed_at === null
    const changedAt = first ? null : now
    await this.ledger_.writeBirthday(account.id, birthday, changedAt, sharedContext)
    return { birthday, birthday_changed_at: changedAt, changed: !first }
  }

  @InjectTransactionManager()
  protected async credit_(
    customerId: string,
    entry: NewEntry,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CreditResult> {
    const account = await this.lockAccount_(customerId, sharedContext)
    const existing = await this.ledger_.findByKey(entry.idempotency_key, sharedContext)
    if (existing) {
      return { transaction: existing, created: false, balance: account.balance }
    }
    const status = entry.status ?? "available"
    const transaction = await this.ledger_.insertEntry(
      account,
      { ...entry, status, remaining: entry.points },
      status === "pending" ? { balance: 0, pending: entry.points } : { balance: entry.points, pending: 0 },
      sharedContext
    )
    // insertEntry moved the locked account's copy with the row.
    return { transaction, created: true, balance: account.balance }
  }

  @InjectTransactionManager()
  protected async debit_(
    customerId: string,
    points: number,
    entry: NewEntry,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyTransactionDTO> {
    const account = await this.lockAccount_(customerId, sharedContext)
    const existing = await this.ledger_.findByKey(entry.idempotency_key, sharedContext)
    if (existing) {
      return existing
    }
    if (account.balance < points) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Customer ${customerId} has ${account.balance} points available, fewer than the ${points} asked for.`
      )
    }
    const allocations = await this.ledger_.spendLots(account.id, points, sharedContext)
    return await this.ledger_.insertEntry(
      account,
      { ...entry, points: -points, remaining: 0, allocations },
      { balance: -points, pending: 0 },
      sharedContext
    )
  }

  @InjectTransactionManager()
  protected async redeemForCart_(
    input: RedeemForCartInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ transaction: LoyaltyTransactionDTO; created: boolean }> {
    const account = await this.lockAccount_(input.customer_id, sharedContext)
    const attempts = await this.ledger_.listCartRedemptions(account.id, input.cart_id, sharedContext)
    const refunded = await this.ledger_.refundedAmong(
      attempts.map((a) => a.id),
      sharedContext
    )
    const live = attempts.find((a) => !refunded.has(a.id))
    if (live) {
      return { transaction: live, created: false }
    }
    if (account.balance < input.points) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Customer ${input.customer_id} has ${account.balance} points available, fewer than the ${input.points} applied to cart ${input.cart_id}.`
      )
    }
    const allocations = await this.ledger_.spendLots(account.id, input.points, sharedContext)
    const row = await this.ledger_.insertEntry(
      account,
      {
        type: "redeem",
        points: -input.points,
        remaining: 0,
        idempotency_key: `redeem:${input.cart_id}:${attempts.length + 1}`,
        reason: "spent at checkout",
        source: "checkout",
        reference_id: input.cart_id,
        currency_code: input.currency_code,
        amount: new BigNumber(input.amount),
        allocations,
      },
      { balance: -input.points, pending: 0 },
      sharedContext
    )
    return { transaction: row, created: true }
  }

  @InjectTransactionManager()
  protected async refundRedemption_(
    input: RefundRedemptionInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyTransactionDTO | null> {
    const redemption = await this.ledger_.findRedemption(input.redemption_id, sharedContext)
    if (!redemption) {
      return null
    }
    const account = await this.ledger_.lockAccountById(redemption.account_id, sharedContext)
    const already = await this.ledger_.findRefundOf(redemption.id, sharedContext)
    if (already) {
      return already
    }
    const taken: Record<string, number> = redemption.allocations ?? {}
    const now = new Date()
    const lots = await this.ledger_.lotExpiries(Object.keys(taken), sharedContext)
    const live = new Set(
      lots.filter((l) => !l.expires_at || new Date(l.expires_at) > now).map((l) => l.id)
    )
    // Points go back into the lots they came from while those are still running; a lot that
    // expired stays expired, and its points come back in a lot of their own (this entry),
    // expiring REFUND_GRACE_DAYS after the refund, so the shopper has time to spend them.
    const allocations: Record<string, number> = {}
    let relot = 0
    for (const [lotId, points] of Object.entries(taken)) {
      if (live.has(lotId)) {
        await this.ledger_.addToLot(lotId, points, sharedContext)
        allocations[lotId] = points
      } else {
        relot += Number(points)
      }
    }
    const points = -redemption.points
    return await this.ledger_.insertEntry(
      account,
      {
        type: "refund",
        points,
        remaining: relot,
        expires_at: relot ? new Date(now.getTime() + REFUND_GRACE_DAYS * DAY) : null,
        idempotency_key: input.idempotency_key,
        reason: input.reason,
        source: "checkout",
        reference_id: redemption.id,
        order_id: input.order_id ?? redemption.order_id ?? null,
        currency_code: redemption.currency_code,
        amount: redemption.amount,
        allocations,
        metadata: relot ? { expired_lots: relot } : null,
      },
      { balance: points, pending: 0 },
      sharedContext
    )
  }

  @InjectTransactionManager()
  protected async reverseEarned_(
    input: ReverseEarnedInput & { total?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyTransactionDTO | null> {
    const accountId = await this.ledger_.accountOf(input.earn_id, sharedContext)
    if (!accountId) {
      return null
    }
    const account = await this.ledger_.lockAccountById(accountId, sharedContext)
    const existing = await this.ledger_.findByKey(input.idempotency_key, sharedContext)
    if (existing) {
      // Toward a total, a repeat writes nothing and says so; a keyed reversal answers its entry.
      return input.total === undefined ? existing : null
    }
    // Re-read under the lock: an unlock or expiry run may have changed the lot meanwhile.
    const earn = await this.ledger_.findEntry(input.earn_id, sharedContext)
    // What earlier reversals asked for counts, including what they could not take back.
    const reversals = await this.ledger_.listReversals(earn.id, sharedContext)
    const asked = reversals.reduce(
      (sum, r) => sum - Number(r.points) + Number(r.metadata?.shortfall ?? 0),
      0
    )
    const left = earn.points - asked
    const wanted = Math.min(input.total === undefined ? input.points : input.total - asked, left)
    if (wanted <= 0) {
      return null
    }
    const base: NewEntry = {
      type: "reverse",
      points: 0,
      remaining: 0,
      idempotency_key: input.idempotency_key,
      reason: input.reason,
      source: "order",
      reference_id: earn.id,
      order_id: earn.order_id,
      currency_code: earn.currency_code,
      rate: earn.rate,
      multiplier: earn.multiplier,
      metadata: input.reference_id ? { reference_id: input.reference_id } : null,
    }
    if (earn.status === "pending") {
      // Pending points cannot have been spent: the lot still holds them all.
      await this.ledger_.takeFromLot(earn.id, wanted, sharedContext)
      return await this.ledger_.insertEntry(
        account,
        {
          ...base,
          points: -wanted,
          status: "pending",
          available_at: earn.available_at as Date | null,
          allocations: { [earn.id]: wanted },
        },
        { balance: 0, pending: -wanted },
        sharedContext
      )
    }
    const fromLot = Math.min(wanted, earn.remaining)
    const allocations: Record<string, number> = {}
    if (fromLot > 0) {
      await this.ledger_.takeFromLot(earn.id, fromLot, sharedContext)
      allocations[earn.id] = fromLot
    }
    // What was already spent of this lot comes off the rest of the balance, never below zero.
    const rest = Math.min(wanted - fromLot, account.balance - fromLot)
    if (rest > 0) {
      Object.assign(allocations, await this.ledger_.spendLots(account.id, rest, sharedContext))
    }
    const taken = fromLot + Math.max(0, rest)
    const shortfall = wanted - taken
    return await this.ledger_.insertEntry(
      account,
      {
        ...base,
        points: -taken,
        allocations,
        metadata: { ...(base.metadata ?? {}), ...(shortfall > 0 ? { shortfall } : {}) },
      },
      { balance: -taken, pending: 0 },
      sharedContext
    )
  }

  @InjectTransactionManager()
  protected async refundRedeemedTo_(
    input: RefundRedeemedToInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyTransactionDTO | null> {
    const redemption = await this.ledger_.findRedemption(input.redemption_id, sharedContext)
    if (!redemption) {
      return null
    }
    const account = await this.ledger_.lockAccountById(redemption.account_id, sharedContext)
    const key = `settle:${redemption.id}:${input.total}`
    if (await this.ledger_.findByKey(key, sharedContext)) {
      return null
    }
    const redeemed = -redemption.points
    const refunds = await this.ledger_.listRefunds<RefundMetadata>(redemption.id, sharedContext)
    const given = refunds.reduce((sum, r) => sum + Number(r.points), 0)
    const wanted = Math.min(input.total, redeemed) - given
    if (wanted <= 0) {
      return null
    }
    // What each lot already got back: a whole refund (`refundRedemption`) leaves nothing to
    // give, so only the lots named by earlier partial ones (`metadata.lots`) count here.
    const back: Record<string, number> = {}
    for (const r of refunds) {
      for (const [lotId, n] of Object.entries(r.metadata?.lots ?? {})) {
        back[lotId] = (back[lotId] ?? 0) + Number(n)
      }
    }
    const taken: Record<string, number> = redemption.allocations ?? {}
    const lots = await this.ledger_.lotExpiries(Object.keys(taken), sharedContext)
    const now = new Date()
    const live = new Set(lots.filter((l) => !l.expires_at || new Date(l.expires_at) > now).map((l) => l.id))
    const allocations: Record<string, number> = {}
    const from: Record<string, number> = {}
    let left = wanted
    let relot = 0
    // Soonest-expiring lots were spent first; they get their points back first too.
    for (const lot of [...lots].sort(byExpiry)) {
      const open = Number(taken[lot.id] ?? 0) - (back[lot.id] ?? 0)
      const n = Math.min(open, left)
      if (n <= 0) {
        continue
      }
      from[lot.id] = n
      left -= n
      if (live.has(lot.id)) {
        await this.ledger_.addToLot(lot.id, n, sharedContext)
        allocations[lot.id] = n
      } else {
        relot += n
      }
    }
    // Lots no longer found (never expected) still give the shopper their points, in a new lot.
    relot += left
    const value = MathBN.mult(MathBN.div(redemption.amount ?? 0, redeemed || 1), wanted)
    return await this.ledger_.insertEntry(
      account,
      {
        type: "refund",
        points: wanted,
        remaining: relot,
        expires_at: relot ? new Date(now.getTime() + REFUND_GRACE_DAYS * DAY) : null,
        idempotency_key: key,
        reason: input.reason,
        source: "order",
        reference_id: redemption.id,
        order_id: input.order_id ?? redemption.order_id ?? null,
        currency_code: redemption.currency_code,
        amount: new BigNumber(value),
        allocations,
        metadata: { lots: from, ...(relot ? { expired_lots: relot } : {}) },
      },
      { balance: wanted, pending: 0 },
      sharedContext
    )
  }

  @InjectTransactionManager()
  protected async deferUnlock_(
    earnId: string,
    availableAt: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const accountId = await this.ledger_.accountOf(earnId, sharedContext)
    if (!accountId) {
      return false
    }
    await this.ledger_.lockAccountById(accountId, sharedContext)
    const moved = await this.ledger_.deferUnlock(earnId, availableAt, sharedContext)
    return moved > 0
  }

  @InjectTransactionManager()
  protected async unlockAccount_(
    accountId: string,
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entries: number; points: number }> {
    const account = await this.ledger_.lockAccountById(accountId, sharedContext)
    const unlocked = await this.ledger_.unlockPending(account.id, now, sharedContext)
    const points = unlocked.reduce((acc, p) => acc + p, 0)
    await this.ledger_.moveAccount(account, points, -points, sharedContext)
    return { entries: unlocked.length, points }
  }

  @InjectTransactionManager()
  protected async expireAccount_(
    accountId: string,
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyTransactionDTO[]> {
    const account = await this.ledger_.lockAccountById(accountId, sharedContext)
    const lots = await this.ledger_.listExpiredLots(account.id, now, sharedContext)
    const written: LoyaltyTransactionDTO[] = []
    let total = 0
    for (const lot of lots) {
      const points = lot.remaining
      await this.ledger_.emptyLots([lot.id], sharedContext)
      // A lot expires once. Points put back into it by the refund of an older release (which
      // revived expired lots) still expire, under a key of their own rather than colliding.
      const base = `expire:${lot.id}:${new Date(lot.expires_at).toISOString()}`
      const n = await this.ledger_.countExpiries(lot.id, sharedContext)
      written.push(
        await this.ledger_.insertEntry(
          account,
          {
            type: "expire",
            points: -points,
            remaining: 0,
            idempotency_key: n ? `${base}:${n + 1}` : base,
            reason: "points expired",
            source: "expiry",
            reference_id: lot.id,
            allocations: { [lot.id]: points },
          },
          undefined,
          sharedContext
        )
      )
      total += points
    }
    await this.ledger_.moveAccount(account, -total, 0, sharedContext)
    return written
  }

  /**
   * Closes a customer's points when their data is erased (a deleted customer, or an erasure
   * request): pending points become available, everything left is taken back by one `adjust`
   * entry (source `privacy`), so the balance and the liability drop to zero and the ledger
   * says why; the birthday kept for the bonus is forgotten. Answers the closing entry, or null
   * when there was nothing to close (no account, or closed already: a retry changes nothing).
   */
  @InjectManager()
  async closeAccount(
    input: { customer_id: string; reason: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyTransactionDTO | null> {
    assertPresent(input.customer_id, "customer_id")
    assertPresent(input.reason, "reason")
    return await this.closeAccount_(input, sharedContext)
  }

  @InjectTransactionManager()
  protected async closeAccount_(
    input: { customer_id: string; reason: string },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyTransactionDTO | null> {
    const account = await this.ledger_.lockAccountIfAny(input.customer_id, sharedContext)
    if (!account) {
      return null
    }
    await this.ledger_.writeBirthday(account.id, null, null, sharedContext)
    if (!account.balance && !account.pending) {
      return null
    }
    // Pending lots count as available from now: one entry then takes everything back, and
    // the unlock job finds nothing left to move.
    await this.ledger_.unlockAllPending(account.id, sharedContext)
    await this.ledger_.moveAccount(account, account.pending, -account.pending, sharedContext)
    // The account row is locked: the lots cannot change between this read and the update.
    const lots = await this.ledger_.listOpenLots(account.id, sharedContext)
    await this.ledger_.emptyLots(
      lots.map((l) => l.id),
      sharedContext
    )
    const closed = await this.ledger_.countPrivacyCloses(account.id, sharedContext)
    const allocations = Object.fromEntries(lots.map((l) => [l.id, l.remaining]))
    return await this.ledger_.insertEntry(
      account,
      {
        type: "adjust",
        points: -account.balance,
        idempotency_key: `privacy-close:${account.id}:${closed + 1}`,
        reason: input.reason,
        source: "privacy",
        allocations,
        metadata: { closed_lots: lots.length },
      },
      { balance: -account.balance, pending: 0 },
      sharedContext
    )
  }

  /**
   * Locks the customer's account row for the rest of the transaction, creating the account
   * on first use (always called inside the caller's transaction, which it joins).
   */
  @InjectTransactionManager()
  protected async lockAccount_(customerId: string, @MedusaContext() sharedContext: Context = {}) {
    assertPresent(customerId, "customer_id")
    return await this.ledger_.lockAccount(customerId, sharedContext)
  }

  /**
   * The ledger's part of the after-sales overview: points outstanding over all accounts, and
   * points earned and redeemed in each week of `period`.
   * Read-only aggregates over indexed columns (`./repositories/overview.ts`).
   */
  @InjectManager()
  async summarize(
    period: OverviewPeriod,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyOverviewSummary> {
    return summarizeLedger(knexOf(sharedContext), period)
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

function assertPresent(value: unknown, field: string) {
  if (value === undefined || value === null || value === "") {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field} is required.`)
  }
}

function assertWhole(value: number, field: string) {
  if (!Number.isSafeInteger(value)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field} must be a whole number, got ${value}.`)
  }
}

function assertWholePositive(value: number, field: string) {
  assertWhole(value, field)
  if (value <= 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `${field} must be positive, got ${value}.`)
  }
}
