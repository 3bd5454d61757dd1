import { Context } from "@medusajs/framework/types"
import { Knex, SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  BigNumber,
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MathBN,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { knexOf } from "../../utils/knex"
import { resolveOptions } from "../aftersales_settings/defaults"
import { LoyaltyAccount, LoyaltyTransaction } from "./models"
import { isBirthday } from "./birthday"
import { expiryFor } from "./points-math"
import {
  AddBonusPointsInput,
  AdjustPointsInput,
  DuePage,
  EarnPointsInput,
  ExpiryRun,
  LoyaltyAccountSummary,
  LoyaltyTransactionDTO,
  LoyaltyTransactionType,
  RedeemForCartInput,
  RefundRedeemedToInput,
  RefundRedemptionInput,
  ReverseEarnedInput,
  ReverseEarnedToInput,
  UnlockRun,
} from "./types"
import { LoyaltyOverviewSummary, OverviewPeriod } from "../../types/overview"
import { summarizeLedger } from "./repositories/overview"

const ACCOUNT = "loyalty_points_account"
const LEDGER = "loyalty_points_transaction"

type AccountRow = { id: string; customer_id: string; balance: number; pending: number }

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

/** The fields of a new ledger row; the rest get their defaults. */
type NewEntry = {
  type: LoyaltyTransactionType
  points: number
  idempotency_key: string
  status?: "pending" | "available"
  remaining?: number
  available_at?: Date | null
  expires_at?: Date | null
  reason?: string | null
  source?: string | null
  reference_id?: string | null
  order_id?: string | null
  currency_code?: string | null
  amount?: BigNumber | number | string | null
  rate?: number | null
  multiplier?: number | null
  allocations?: Record<string, number> | null
  metadata?: Record<string, unknown> | null
}

/**
 * The points ledger. Every change of a balance is one ledger row written in the same
 * transaction as the cached `balance`/`pending` of the account, with the account row locked
 * (`FOR UPDATE`): two checkouts, an expiry run and an admin adjustment for the same customer
 * are serialised, so none of them reads a balance another is about to spend.
 */
export default class LoyaltyPointsService extends MedusaService({
  LoyaltyAccount,
  LoyaltyTransaction,
}) {
  protected readonly defaultExpiryMonths_: number

  constructor(container: Record<string, unknown>, options: unknown) {
    super(...arguments)
    this.defaultExpiryMonths_ = resolveOptions(options).defaults.loyalty.expiry_months
  }

  /** Balance, pending points and the next expiry of a customer, in constant time. */
  @InjectManager()
  async getAccountSummary(
    customerId: string,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyAccountSummary> {
    const knex = knexOf(sharedContext)
    const account: AccountRow | undefined = await knex(ACCOUNT)
      .select("id", "customer_id", "balance", "pending")
      .where({ customer_id: customerId })
      .whereNull("deleted_at")
      .first()
    if (!account) {
      return { account_id: null, customer_id: customerId, balance: 0, pending: 0, next_expiry: null }
    }
    const next = (await knex(LEDGER)
      .select("expires_at")
      .sum({ points: "remaining" })
      .where({ account_id: account.id, status: "available" })
      .where("remaining", ">", 0)
      .whereNotNull("expires_at")
      .whereNull("deleted_at")
      .groupBy("expires_at")
      .orderBy("expires_at", "asc")
      .first()) as { expires_at: Date; points: string } | undefined
    return {
      account_id: account.id,
      customer_id: customerId,
      balance: Number(account.balance),
      pending: Number(account.pending),
      next_expiry: next ? { points: Number(next.points), expires_at: next.expires_at } : null,
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
    const knex = knexOf(sharedContext)
    const rows: { status: string; points: string | null; remaining: string | null }[] =
      await knex(LEDGER)
        .select("status")
        .sum({ points: "points", remaining: "remaining" })
        .where({ customer_id: customerId })
        .whereNull("deleted_at")
        .groupBy("status")
    const of = (status: string) => rows.find((r) => r.status === status)
    return {
      balance: Number(of("available")?.points ?? 0),
      pending: Number(of("pending")?.points ?? 0),
      lots_remaining: Number(of("available")?.remaining ?? 0),
    }
  }

  /** Points earned (net of reversals) since a date: what tiers are measured on. */
  @InjectManager()
  async earnedSince(
    customerId: string,
    since: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<number> {
    const row = await knexOf(sharedContext)(LEDGER)
      .sum({ points: "points" })
      .where({ customer_id: customerId })
      .whereIn("type", ["earn", "reverse"])
      .where("created_at", ">=", since)
      .whereNull("deleted_at")
      .first()
    return Math.max(0, Number(row?.points ?? 0))
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
    return await this.credit_(
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
  }

  /** Credits the points of a placed order as a pending lot. Idempotent on the key. */
  @InjectManager()
  async earnPoints(
    input: EarnPointsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyTransactionDTO> {
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
      return await this.credit_(input.customer_id, entry, sharedContext)
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
    const knex = knexOf(sharedContext)
    const rows = await knex(LEDGER)
      .where({ type: "redeem" })
      .whereIn("reference_id", cartIds)
      .whereNull("order_id")
      .whereNull("deleted_at")
      .whereNotExists(
        knex(`${LEDGER} as r`)
          .select(knex.raw("1"))
          .where("r.type", "refund")
          .whereRaw(`r.reference_id = ${LEDGER}.id`)
          .whereNull("r.deleted_at")
      )
      .update({ order_id: orderId, updated_at: knex.fn.now() })
      .returning("*")
    return rows.map(toDTO)
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
    const accountIds = await this.listDueAccounts_("unlock", now, afterId, limit, knexOf(sharedContext))
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
    const accountIds = await this.listDueAccounts_("expire", now, afterId, limit, knexOf(sharedContext))
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
    const rows = await knexOf(sharedContext)(LEDGER)
      .select("customer_id")
      .sum({ points: "remaining" })
      .min({ expires_at: "expires_at" })
      .where({ status: "available" })
      .where("remaining", ">", 0)
      .where("expires_at", ">", from)
      .where("expires_at", "<=", to)
      .whereNull("deleted_at")
      .groupBy("customer_id")
    return rows.map((r: { customer_id: string; points: string; expires_at: Date }) => ({
      customer_id: r.customer_id,
      points: Number(r.points),
      expires_at: r.expires_at,
    }))
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
    return await knexOf(sharedContext)(ACCOUNT)
      .select("id", "customer_id", "birthday", "birthday_changed_at")
      .whereIn("birthday", days)
      .where("id", ">", afterId)
      .whereNull("deleted_at")
      .orderBy("id")
      .limit(limit)
  }

  @InjectTransactionManager()
  protected async recordBirthday_(
    customerId: string,
    birthday: string | null,
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ birthday: string | null; birthday_changed_at: Date | null; changed: boolean }> {
    const trx = transactionOf(sharedContext)
    const account = await this.lockAccount_(trx, customerId)
    const current: { birthday: string | null; birthday_changed_at: Date | null } = await trx(ACCOUNT)
      .select("birthday", "birthday_changed_at")
      .where({ id: account.id })
      .first()
    if (current.birthday === birthday) {
      return { ...current, changed: false }
    }
    // Never set before (no value, no change recorded): the first entry is not a change.
    const first = current.birthday === null && current.birthday_changed_at === null
    const changedAt = first ? null : now
    await trx(ACCOUNT)
      .where({ id: account.id })
      .update({ birthday, birthday_changed_at: changedAt, updated_at: trx.fn.now() })
    return { birthday, birthday_changed_at: changedAt, changed: !first }
  }

  @InjectTransactionManager()
  protected async credit_(
    customerId: string,
    entry: NewEntry,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyTransactionDTO> {
    const trx = transactionOf(sharedContext)
    const account = await this.lockAccount_(trx, customerId)
    const existing = await findByKey(trx, entry.idempotency_key)
    if (existing) {
      return existing
    }
    const status = entry.status ?? "available"
    const row = await insertEntry(
      trx,
      account,
      { ...entry, status, remaining: entry.points },
      status === "pending" ? { balance: 0, pending: entry.points } : { balance: entry.points, pending: 0 }
    )
    return row
  }

  @InjectTransactionManager()
  protected async debit_(
    customerId: string,
    points: number,
    entry: NewEntry,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyTransactionDTO> {
    const trx = transactionOf(sharedContext)
    const account = await this.lockAccount_(trx, customerId)
    const existing = await findByKey(trx, entry.idempotency_key)
    if (existing) {
      return existing
    }
    if (account.balance < points) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Customer ${customerId} has ${account.balance} points available, fewer than the ${points} asked for.`
      )
    }
    const allocations = await spendLots(trx, account.id, points)
    const row = await insertEntry(
      trx,
      account,
      { ...entry, points: -points, remaining: 0, allocations },
      { balance: -points, pending: 0 }
    )
    return row
  }

  @InjectTransactionManager()
  protected async redeemForCart_(
    input: RedeemForCartInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ transaction: LoyaltyTransactionDTO; created: boolean }> {
    const trx = transactionOf(sharedContext)
    const account = await this.lockAccount_(trx, input.customer_id)
    const attempts: LoyaltyTransactionDTO[] = await trx(LEDGER)
      .select("*")
      .where({ account_id: account.id, type: "redeem", reference_id: input.cart_id })
      .whereNull("deleted_at")
      .orderBy("created_at", "asc")
    const refunded = new Set<string>(
      attempts.length
        ? (
            await trx(LEDGER)
              .select("reference_id")
              .where({ type: "refund" })
              .whereIn("reference_id", attempts.map((a) => a.id))
              .whereNull("deleted_at")
          ).map((r: { reference_id: string }) => r.reference_id)
        : []
    )
    const live = attempts.find((a) => !refunded.has(a.id))
    if (live) {
      return { transaction: toDTO(live), created: false }
    }
    if (account.balance < input.points) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Customer ${input.customer_id} has ${account.balance} points available, fewer than the ${input.points} applied to cart ${input.cart_id}.`
      )
    }
    const allocations = await spendLots(trx, account.id, input.points)
    const row = await insertEntry(trx, account, {
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
    }, { balance: -input.points, pending: 0 })
    return { transaction: row, created: true }
  }

  @InjectTransactionManager()
  protected async refundRedemption_(
    input: RefundRedemptionInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyTransactionDTO | null> {
    const trx = transactionOf(sharedContext)
    const redemption = await trx(LEDGER)
      .select("*")
      .where({ id: input.redemption_id, type: "redeem" })
      .whereNull("deleted_at")
      .first()
    if (!redemption) {
      return null
    }
    const account = await lockAccountById(trx, redemption.account_id)
    const already = await trx(LEDGER)
      .select("*")
      .where({ type: "refund", reference_id: redemption.id })
      .whereNull("deleted_at")
      .first()
    if (already) {
      return toDTO(already)
    }
    const taken: Record<string, number> = redemption.allocations ?? {}
    const now = new Date()
    const lots: { id: string; expires_at: Date | null }[] = Object.keys(taken).length
      ? await trx(LEDGER).select("id", "expires_at").whereIn("id", Object.keys(taken))
      : []
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
        await trx(LEDGER).where({ id: lotId }).increment("remaining", points)
        allocations[lotId] = points
      } else {
        relot += Number(points)
      }
    }
    const points = -Number(redemption.points)
    const row = await insertEntry(trx, account, {
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
    }, { balance: points, pending: 0 })
    return row
  }

  @InjectTransactionManager()
  protected async reverseEarned_(
    input: ReverseEarnedInput & { total?: number },
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyTransactionDTO | null> {
    const trx = transactionOf(sharedContext)
    const earnRow = await trx(LEDGER)
      .select("account_id")
      .where({ id: input.earn_id })
      .whereNull("deleted_at")
      .first()
    if (!earnRow) {
      return null
    }
    const account = await lockAccountById(trx, earnRow.account_id)
    const existing = await findByKey(trx, input.idempotency_key)
    if (existing) {
      // Toward a total, a repeat writes nothing and says so; a keyed reversal answers its entry.
      return input.total === undefined ? existing : null
    }
    // Re-read under the lock: an unlock or expiry run may have changed the lot meanwhile.
    const earn = await trx(LEDGER).select("*").where({ id: input.earn_id }).first()
    // What earlier reversals asked for counts, including what they could not take back.
    const reversals: { points: number; metadata: { shortfall?: number } | null }[] = await trx(LEDGER)
      .select("points", "metadata")
      .where({ type: "reverse", reference_id: earn.id })
      .whereNull("deleted_at")
    const asked = reversals.reduce(
      (sum, r) => sum - Number(r.points) + Number(r.metadata?.shortfall ?? 0),
      0
    )
    const left = Number(earn.points) - asked
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
      await trx(LEDGER).where({ id: earn.id }).decrement("remaining", wanted)
      const row = await insertEntry(trx, account, {
        ...base,
        points: -wanted,
        status: "pending",
        available_at: earn.available_at,
        allocations: { [earn.id]: wanted },
      }, { balance: 0, pending: -wanted })
      return row
    }
    const fromLot = Math.min(wanted, Number(earn.remaining))
    const allocations: Record<string, number> = {}
    if (fromLot > 0) {
      await trx(LEDGER).where({ id: earn.id }).decrement("remaining", fromLot)
      allocations[earn.id] = fromLot
    }
    // What was already spent of this lot comes off the rest of the balance, never below zero.
    const rest = Math.min(wanted - fromLot, account.balance - fromLot)
    if (rest > 0) {
      Object.assign(allocations, await spendLots(trx, account.id, rest))
    }
    const taken = fromLot + Math.max(0, rest)
    const shortfall = wanted - taken
    const row = await insertEntry(trx, account, {
      ...base,
      points: -taken,
      allocations,
      metadata: { ...(base.metadata ?? {}), ...(shortfall > 0 ? { shortfall } : {}) },
    }, { balance: -taken, pending: 0 })
    return row
  }

  @InjectTransactionManager()
  protected async refundRedeemedTo_(
    input: RefundRedeemedToInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyTransactionDTO | null> {
    const trx = transactionOf(sharedContext)
    const redemption = await trx(LEDGER)
      .select("*")
      .where({ id: input.redemption_id, type: "redeem" })
      .whereNull("deleted_at")
      .first()
    if (!redemption) {
      return null
    }
    const account = await lockAccountById(trx, redemption.account_id)
    const key = `settle:${redemption.id}:${input.total}`
    if (await findByKey(trx, key)) {
      return null
    }
    const redeemed = -Number(redemption.points)
    const refunds: { points: number; allocations: Record<string, number> | null; metadata: RefundMetadata | null }[] =
      await trx(LEDGER)
        .select("points", "allocations", "metadata")
        .where({ type: "refund", reference_id: redemption.id })
        .whereNull("deleted_at")
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
    const lots: { id: string; expires_at: Date | null }[] = Object.keys(taken).length
      ? await trx(LEDGER).select("id", "expires_at").whereIn("id", Object.keys(taken))
      : []
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
        await trx(LEDGER).where({ id: lot.id }).increment("remaining", n)
        allocations[lot.id] = n
      } else {
        relot += n
      }
    }
    // Lots no longer found (never expected) still give the shopper their points, in a new lot.
    relot += left
    const value = MathBN.mult(MathBN.div(redemption.amount ?? 0, redeemed || 1), wanted)
    return await insertEntry(trx, account, {
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
    }, { balance: wanted, pending: 0 })
  }

  @InjectTransactionManager()
  protected async deferUnlock_(
    earnId: string,
    availableAt: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<boolean> {
    const trx = transactionOf(sharedContext)
    const earnRow = await trx(LEDGER).select("account_id").where({ id: earnId }).whereNull("deleted_at").first()
    if (!earnRow) {
      return false
    }
    await lockAccountById(trx, earnRow.account_id)
    const moved = await trx(LEDGER)
      .where({ status: "pending" })
      .where((q) => q.where({ id: earnId }).orWhere({ type: "reverse", reference_id: earnId }))
      .whereNull("deleted_at")
      .update({ available_at: availableAt, updated_at: trx.fn.now() })
    return moved > 0
  }

  /** Accounts with work due, by id after `afterId` (keyset pages: a failing one is not met twice in a run). */
  protected async listDueAccounts_(
    job: "unlock" | "expire",
    now: Date,
    afterId: string,
    limit: number,
    knex: Knex
  ): Promise<string[]> {
    let due = knex(LEDGER)
      .distinct("account_id")
      .where("account_id", ">", afterId)
      .whereNull("deleted_at")
    due =
      job === "unlock"
        ? due.where({ status: "pending" }).where("available_at", "<=", now)
        : due.where({ status: "available" }).where("remaining", ">", 0).where("expires_at", "<=", now)
    const rows: { account_id: string }[] = await due.orderBy("account_id").limit(limit)
    return rows.map((r) => r.account_id)
  }

  @InjectTransactionManager()
  protected async unlockAccount_(
    accountId: string,
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ entries: number; points: number }> {
    const trx = transactionOf(sharedContext)
    const account = await lockAccountById(trx, accountId)
    const unlocked: { points: number }[] = await trx(LEDGER)
      .where({ account_id: account.id, status: "pending" })
      .where("available_at", "<=", now)
      .whereNull("deleted_at")
      .update({ status: "available", updated_at: trx.fn.now() })
      .returning(["points"])
    const points = unlocked.reduce((acc, u) => acc + Number(u.points), 0)
    await moveAccount(trx, account, points, -points)
    return { entries: unlocked.length, points }
  }

  @InjectTransactionManager()
  protected async expireAccount_(
    accountId: string,
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<LoyaltyTransactionDTO[]> {
    const trx = transactionOf(sharedContext)
    const account = await lockAccountById(trx, accountId)
    const lots = await trx(LEDGER)
      .select("id", "remaining", "expires_at")
      .where({ account_id: account.id, status: "available" })
      .where("remaining", ">", 0)
      .where("expires_at", "<=", now)
      .whereNull("deleted_at")
      .orderBy("expires_at")
    const written: LoyaltyTransactionDTO[] = []
    let total = 0
    for (const lot of lots) {
      const points = Number(lot.remaining)
      await trx(LEDGER).where({ id: lot.id }).update({ remaining: 0, updated_at: trx.fn.now() })
      // A lot expires once. Points put back into it by the refund of an older release (which
      // revived expired lots) still expire, under a key of their own rather than colliding.
      const base = `expire:${lot.id}:${new Date(lot.expires_at).toISOString()}`
      const earlier = await trx(LEDGER)
        .count({ n: "*" })
        .where({ type: "expire", reference_id: lot.id })
        .whereNull("deleted_at")
        .first()
      const n = Number(earlier?.n ?? 0)
      written.push(
        await insertEntry(trx, account, {
          type: "expire",
          points: -points,
          remaining: 0,
          idempotency_key: n ? `${base}:${n + 1}` : base,
          reason: "points expired",
          source: "expiry",
          reference_id: lot.id,
          allocations: { [lot.id]: points },
        })
      )
      total += points
    }
    await moveAccount(trx, account, -total, 0)
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
    const trx = transactionOf(sharedContext)
    const found: AccountRow | undefined = await trx(ACCOUNT)
      .select("id", "customer_id", "balance", "pending")
      .where({ customer_id: input.customer_id })
      .whereNull("deleted_at")
      .forUpdate()
      .first()
    if (!found) {
      return null
    }
    const account = normaliseAccount(found)
    await trx(ACCOUNT)
      .where({ id: account.id })
      .update({ birthday: null, birthday_changed_at: null, updated_at: trx.fn.now() })
    if (!account.balance && !account.pending) {
      return null
    }
    // Pending lots count as available from now: one entry then takes everything back, and
    // the unlock job finds nothing left to move.
    await trx(LEDGER)
      .where({ account_id: account.id, status: "pending" })
      .whereNull("deleted_at")
      .update({ status: "available", updated_at: trx.fn.now() })
    await moveAccount(trx, account, account.pending, -account.pending)
    // The account row is locked: the lots cannot change between this read and the update.
    const lots: { id: string; remaining: string }[] = await trx(LEDGER)
      .select("id", "remaining")
      .where({ account_id: account.id, status: "available" })
      .where("remaining", ">", 0)
      .whereNull("deleted_at")
    await trx(LEDGER)
      .whereIn(
        "id",
        lots.map((l) => l.id)
      )
      .update({ remaining: 0, updated_at: trx.fn.now() })
    const closed = await trx(LEDGER)
      .count({ n: "*" })
      .where({ account_id: account.id, type: "adjust", source: "privacy" })
      .first()
    const allocations = Object.fromEntries(lots.map((l) => [l.id, Number(l.remaining)]))
    return await insertEntry(
      trx,
      account,
      {
        type: "adjust",
        points: -account.balance,
        idempotency_key: `privacy-close:${account.id}:${Number(closed?.n ?? 0) + 1}`,
        reason: input.reason,
        source: "privacy",
        allocations,
        metadata: { closed_lots: lots.length },
      },
      { balance: -account.balance, pending: 0 }
    )
  }

  /**
   * Locks the customer's account row for the rest of the transaction, creating the account
   * on first use (a concurrent first use is resolved by the unique index, not by luck).
   */
  protected async lockAccount_(trx: Knex.Transaction, customerId: string): Promise<AccountRow> {
    assertPresent(customerId, "customer_id")
    const lock = () =>
      trx(ACCOUNT)
        .select("id", "customer_id", "balance", "pending")
        .where({ customer_id: customerId })
        .whereNull("deleted_at")
        .forUpdate()
        .first()
    const found: AccountRow | undefined = await lock()
    if (found) {
      return normaliseAccount(found)
    }
    await trx(ACCOUNT)
      .insert({ id: generateEntityId(undefined, "lyacc"), customer_id: customerId, balance: 0, pending: 0 })
      .onConflict()
      .ignore()
    return normaliseAccount(await lock())
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

async function lockAccountById(trx: Knex.Transaction, id: string): Promise<AccountRow> {
  const row = await trx(ACCOUNT)
    .select("id", "customer_id", "balance", "pending")
    .where({ id })
    .forUpdate()
    .first()
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Loyalty account ${id} was not found.`)
  }
  return normaliseAccount(row)
}

function normaliseAccount(row: AccountRow): AccountRow {
  return { ...row, balance: Number(row.balance), pending: Number(row.pending) }
}

async function findByKey(trx: Knex.Transaction, key: string) {
  const row = await trx(LEDGER).select("*").where({ idempotency_key: key }).whereNull("deleted_at").first()
  return row ? toDTO(row) : null
}

/** Takes points from the lots that expire soonest (never-expiring lots last). */
async function spendLots(
  trx: Knex.Transaction,
  accountId: string,
  points: number
): Promise<Record<string, number>> {
  // One statement instead of a read and one update per lot (this runs inside cart completion):
  // `before` is what the lots ahead of each one hold, so a lot gives what is still owed after
  // them. The account row is locked, so the lots cannot change under this statement.
  const { rows }: { rows: { id: string; take: string }[] } = await trx.raw(
    `with lots as (
       select id, remaining,
              sum(remaining) over (
                order by expires_at asc nulls last, created_at asc, id asc
                rows between unbounded preceding and current row
              ) - remaining as before
         from ${LEDGER}
        where account_id = ? and status = 'available' and remaining > 0 and deleted_at is null
     ), taken as (
       select id, least(remaining, ? - before) as take from lots where before < ?
     )
     update ${LEDGER} l set remaining = l.remaining - taken.take
       from taken where l.id = taken.id
     returning l.id, taken.take`,
    [accountId, points, points]
  )
  const allocations: Record<string, number> = {}
  let taken = 0
  for (const row of rows) {
    allocations[row.id] = Number(row.take)
    taken += Number(row.take)
  }
  if (taken < points) {
    // The cached balance said there was enough; the lots disagree. Refuse rather than drift.
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      `Loyalty account ${accountId} has fewer points in its lots than its balance.`
    )
  }
  return allocations
}

/**
 * Writes a ledger row and, in the same statement, moves the locked account's cached balance
 * and pending by `move` (one round trip: this runs inside cart completion).
 */
async function insertEntry(
  trx: Knex.Transaction,
  account: AccountRow,
  entry: NewEntry,
  move: { balance: number; pending: number } = { balance: 0, pending: 0 }
): Promise<LoyaltyTransactionDTO> {
  const amount = entry.amount == null ? null : new BigNumber(entry.amount)
  let statement = trx.queryBuilder()
  if (move.balance || move.pending) {
    account.balance += move.balance
    account.pending += move.pending
    statement = statement.with(
      "moved",
      trx(ACCOUNT)
        .where({ id: account.id })
        .update({ balance: account.balance, pending: account.pending, updated_at: trx.fn.now() })
    )
  }
  const [row] = await statement
    .into(LEDGER)
    .insert({
      id: generateEntityId(undefined, "lytx"),
      account_id: account.id,
      customer_id: account.customer_id,
      type: entry.type,
      points: entry.points,
      status: entry.status ?? "available",
      remaining: entry.remaining ?? 0,
      available_at: entry.available_at ?? null,
      expires_at: entry.expires_at ?? null,
      idempotency_key: entry.idempotency_key,
      reason: entry.reason ?? null,
      source: entry.source ?? null,
      reference_id: entry.reference_id ?? null,
      order_id: entry.order_id ?? null,
      currency_code: entry.currency_code ?? null,
      amount: amount ? amount.numeric : null,
      raw_amount: amount ? amount.raw : null,
      rate: entry.rate ?? null,
      multiplier: entry.multiplier ?? null,
      allocations: entry.allocations ?? null,
      metadata: entry.metadata ?? null,
    })
    .returning("*")
  return toDTO(row)
}

/** Moves the cached columns of a locked account (and the in-memory copy with them). */
async function moveAccount(
  trx: Knex.Transaction,
  account: AccountRow,
  balanceDelta: number,
  pendingDelta: number
) {
  if (!balanceDelta && !pendingDelta) {
    return
  }
  account.balance += balanceDelta
  account.pending += pendingDelta
  await trx(ACCOUNT)
    .where({ id: account.id })
    .update({ balance: account.balance, pending: account.pending, updated_at: trx.fn.now() })
}

function toDTO(row: Record<string, any>): LoyaltyTransactionDTO {
  return {
    id: row.id,
    account_id: row.account_id,
    customer_id: row.customer_id,
    type: row.type,
    points: Number(row.points),
    status: row.status,
    remaining: Number(row.remaining),
    available_at: row.available_at,
    expires_at: row.expires_at,
    idempotency_key: row.idempotency_key,
    reason: row.reason,
    source: row.source,
    reference_id: row.reference_id,
    order_id: row.order_id,
    currency_code: row.currency_code,
    amount: row.amount == null ? null : Number(row.amount),
    rate: row.rate == null ? null : Number(row.rate),
    multiplier: row.multiplier == null ? null : Number(row.multiplier),
    allocations: row.allocations,
    metadata: row.metadata,
    created_at: row.created_at,
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

/** The transaction the locked methods run in; refusing to run without one. */
function transactionOf(sharedContext: Context): Knex.Transaction {
  const manager = sharedContext.transactionManager as SqlEntityManager | undefined
  const trx = manager?.getTransactionContext<Knex.Transaction>()
  if (!trx) {
    // A FOR UPDATE outside a transaction would release the lock at once.
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "Loyalty points can only change inside a transaction."
    )
  }
  return trx
}
