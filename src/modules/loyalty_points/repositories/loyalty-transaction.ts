import { Context } from "@medusajs/framework/types"
import { Knex, SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  BigNumber,
  generateEntityId,
  MedusaError,
  mikroOrmBaseRepositoryFactory,
} from "@medusajs/framework/utils"
import { LoyaltyTransaction } from "../models"
import { LoyaltyTransactionDTO, LoyaltyTransactionType } from "../types"

const ACCOUNT = "loyalty_points_account"
const LEDGER = "loyalty_points_transaction"

/** A locked account as the ledger moves it: its cached balance and pending points. */
export type AccountRow = { id: string; customer_id: string; balance: number; pending: number }

/** The fields of a new ledger row; the rest get their defaults. */
export type NewEntry = {
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
 * A ledger row as the service reasons on it: the DTO's fields with the money still a
 * BigNumber read from `raw_amount`, so what is given back of it is computed exactly.
 */
export type LedgerEntry = Omit<LoyaltyTransactionDTO, "amount"> & { amount: BigNumber | null }

/** What a lot gave or got: its id and when it expires. */
export type LotExpiry = { id: string; expires_at: Date | null }

/**
 * The ledger's hand-written SQL: row locks on the account, the one-statement spending of lots,
 * the entry written together with the account's cached sums, and the sums and pages the jobs
 * read. Every statement that changes points refuses to run outside a transaction (a
 * `FOR UPDATE` outside one would release its lock at once); the service keeps the rules.
 */
export class LoyaltyTransactionRepository extends mikroOrmBaseRepositoryFactory(LoyaltyTransaction) {
  /** The context's query builder: its transaction when there is one, the pool otherwise. */
  protected query_(context: Context = {}): Knex {
    const manager = this.getActiveManager<SqlEntityManager>(context)
    return manager.getTransactionContext<Knex.Transaction>() ?? manager.getKnex()
  }

  /** The context's transaction; refusing to run without one. */
  protected transaction_(context: Context = {}): Knex.Transaction {
    const manager = context.transactionManager as SqlEntityManager | undefined
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

  // Accounts ------------------------------------------------------------------------------

  /**
   * Locks the customer's account row for the rest of the transaction, creating the account
   * on first use (a concurrent first use is resolved by the unique index, not by luck).
   */
  async lockAccount(customerId: string, context: Context = {}): Promise<AccountRow> {
    const trx = this.transaction_(context)
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

  /** Locks an account row by its id; NOT_FOUND when there is none. */
  async lockAccountById(id: string, context: Context = {}): Promise<AccountRow> {
    const row = await this.transaction_(context)(ACCOUNT)
      .select("id", "customer_id", "balance", "pending")
      .where({ id })
      .forUpdate()
      .first()
    if (!row) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Loyalty account ${id} was not found.`)
    }
    return normaliseAccount(row)
  }

  /** Locks the customer's account row if there is one (no account is created). */
  async lockAccountIfAny(customerId: string, context: Context = {}): Promise<AccountRow | null> {
    const found: AccountRow | undefined = await this.transaction_(context)(ACCOUNT)
      .select("id", "customer_id", "balance", "pending")
      .where({ customer_id: customerId })
      .whereNull("deleted_at")
      .forUpdate()
      .first()
    return found ? normaliseAccount(found) : null
  }

  /** Moves the cached columns of a locked account (and the in-memory copy with them). */
  async moveAccount(
    account: AccountRow,
    balanceDelta: number,
    pendingDelta: number,
    context: Context = {}
  ): Promise<void> {
    const trx = this.transaction_(context)
    if (!balanceDelta && !pendingDelta) {
      return
    }
    account.balance += balanceDelta
    account.pending += pendingDelta
    await trx(ACCOUNT)
      .where({ id: account.id })
      .update({ balance: account.balance, pending: account.pending, updated_at: trx.fn.now() })
  }

  /** The birthday fields of a locked account. */
  async readBirthday(
    accountId: string,
    context: Context = {}
  ): Promise<{ birthday: string | null; birthday_changed_at: Date | null }> {
    return await this.transaction_(context)(ACCOUNT)
      .select("birthday", "birthday_changed_at")
      .where({ id: accountId })
      .first()
  }

  /** Sets (or with nulls forgets) the birthday of a locked account. */
  async writeBirthday(
    accountId: string,
    birthday: string | null,
    changedAt: Date | null,
    context: Context = {}
  ): Promise<void> {
    const trx = this.transaction_(context)
    await trx(ACCOUNT)
      .where({ id: accountId })
      .update({ birthday, birthday_changed_at: changedAt, updated_at: trx.fn.now() })
  }

  // Reads ---------------------------------------------------------------------------------

  /** The soonest expiry among an account's available lots and the points expiring then. */
  async nextExpiry(
    accountId: string,
    context: Context = {}
  ): Promise<{ points: number; expires_at: Date } | null> {
    const next = (await this.query_(context)(LEDGER)
      .select("expires_at")
      .sum({ points: "remaining" })
      .where({ account_id: accountId, status: "available" })
      .where("remaining", ">", 0)
      .whereNotNull("expires_at")
      .whereNull("deleted_at")
      .groupBy("expires_at")
      .orderBy("expires_at", "asc")
      .first()) as { expires_at: Date; points: string } | undefined
    return next ? { points: Number(next.points), expires_at: next.expires_at } : null
  }

  /** A customer's points summed per status over the whole ledger (the audit of the cache). */
  async sumByStatus(
    customerId: string,
    context: Context = {}
  ): Promise<{ balance: number; pending: number; lots_remaining: number }> {
    const rows: { status: string; points: string | null; remaining: string | null }[] =
      await this.query_(context)(LEDGER)
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

  /** Points earned net of reversals since a date (may be negative; the service clamps). */
  async sumEarnedSince(customerId: string, since: Date, context: Context = {}): Promise<number> {
    const row = await this.query_(context)(LEDGER)
      .sum({ points: "points" })
      .where({ customer_id: customerId })
      .whereIn("type", ["earn", "reverse"])
      .where("created_at", ">=", since)
      .whereNull("deleted_at")
      .first()
    return Number(row?.points ?? 0)
  }

  /** Available points expiring in `(from, to]`, summed per customer. */
  async sumExpiring(
    from: Date,
    to: Date,
    context: Context = {}
  ): Promise<{ customer_id: string; points: number; expires_at: Date }[]> {
    const rows = await this.query_(context)(LEDGER)
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

  /** Accounts with work due, by id after `afterId` (keyset pages: a failing one is not met twice in a run). */
  async listDueAccounts(
    job: "unlock" | "expire",
    now: Date,
    afterId: string,
    limit: number,
    context: Context = {}
  ): Promise<string[]> {
    let due = this.query_(context)(LEDGER)
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

  // Entries under the account lock ---------------------------------------------------------

  /** The live entry written under an idempotency key, if any. */
  async findByKey(key: string, context: Context = {}): Promise<LoyaltyTransactionDTO | null> {
    const row = await this.transaction_(context)(LEDGER)
      .select("*")
      .where({ idempotency_key: key })
      .whereNull("deleted_at")
      .first()
    return row ? toDTO(row) : null
  }

  /** The account an entry belongs to, when the entry exists. */
  async accountOf(entryId: string, context: Context = {}): Promise<string | null> {
    const row = await this.transaction_(context)(LEDGER)
      .select("account_id")
      .where({ id: entryId })
      .whereNull("deleted_at")
      .first()
    return row ? row.account_id : null
  }

  /** A live `redeem` entry by id. */
  async findRedemption(id: string, context: Context = {}): Promise<LedgerEntry | null> {
    const row = await this.transaction_(context)(LEDGER)
      .select("*")
      .where({ id, type: "redeem" })
      .whereNull("deleted_at")
      .first()
    return row ? toEntry(row) : null
  }

  /** An entry by id, deleted or not (a re-read under the lock of an entry found before). */
  async findEntry(id: string, context: Context = {}): Promise<LedgerEntry> {
    const row = await this.transaction_(context)(LEDGER).select("*").where({ id }).first()
    return toEntry(row)
  }

  /** The first live `refund` of a redemption, if any. */
  async findRefundOf(redemptionId: string, context: Context = {}): Promise<LoyaltyTransactionDTO | null> {
    const row = await this.transaction_(context)(LEDGER)
      .select("*")
      .where({ type: "refund", reference_id: redemptionId })
      .whereNull("deleted_at")
      .first()
    return row ? toDTO(row) : null
  }

  /** The `redeem` entries of an account for a cart, oldest first. */
  async listCartRedemptions(
    accountId: string,
    cartId: string,
    context: Context = {}
  ): Promise<LoyaltyTransactionDTO[]> {
    const rows = await this.transaction_(context)(LEDGER)
      .select("*")
      .where({ account_id: accountId, type: "redeem", reference_id: cartId })
      .whereNull("deleted_at")
      .orderBy("created_at", "asc")
    return rows.map(toDTO)
  }

  /** Which of these redemptions have a live `refund`. */
  async refundedAmong(redemptionIds: string[], context: Context = {}): Promise<Set<string>> {
    if (!redemptionIds.length) {
      return new Set()
    }
    const rows: { reference_id: string }[] = await this.transaction_(context)(LEDGER)
      .select("reference_id")
      .where({ type: "refund" })
      .whereIn("reference_id", redemptionIds)
      .whereNull("deleted_at")
    return new Set(rows.map((r) => r.reference_id))
  }

  /** The live reversals of an earning: what each took back and what it could not. */
  async listReversals(
    earnId: string,
    context: Context = {}
  ): Promise<{ points: number; metadata: { shortfall?: number } | null }[]> {
    return await this.transaction_(context)(LEDGER)
      .select("points", "metadata")
      .where({ type: "reverse", reference_id: earnId })
      .whereNull("deleted_at")
  }

  /** The live refunds of a redemption: points, lots put back into and what they recorded. */
  async listRefunds<M>(
    redemptionId: string,
    context: Context = {}
  ): Promise<{ points: number; allocations: Record<string, number> | null; metadata: M | null }[]> {
    return await this.transaction_(context)(LEDGER)
      .select("points", "allocations", "metadata")
      .where({ type: "refund", reference_id: redemptionId })
      .whereNull("deleted_at")
  }

  /** The expiry of these lots (deleted ones too: they were spent from). */
  async lotExpiries(ids: string[], context: Context = {}): Promise<LotExpiry[]> {
    if (!ids.length) {
      return []
    }
    return await this.transaction_(context)(LEDGER).select("id", "expires_at").whereIn("id", ids)
  }

  /** Puts points back into a lot. */
  async addToLot(id: string, points: number, context: Context = {}): Promise<void> {
    await this.transaction_(context)(LEDGER).where({ id }).increment("remaining", points)
  }

  /** Takes points out of a lot. */
  async takeFromLot(id: string, points: number, context: Context = {}): Promise<void> {
    await this.transaction_(context)(LEDGER).where({ id }).decrement("remaining", points)
  }

  /**
   * Names the order on the live `redeem` entries of these carts that name none and were not
   * refunded. Answers the entries named now.
   */
  async attachOrder(
    cartIds: string[],
    orderId: string,
    context: Context = {}
  ): Promise<LoyaltyTransactionDTO[]> {
    const knex = this.query_(context)
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
   * Moves the unlock of a pending earning, and of the pending reversals of it, to
   * `availableAt`. Answers how many entries moved.
   */
  async deferUnlock(earnId: string, availableAt: Date, context: Context = {}): Promise<number> {
    const trx = this.transaction_(context)
    return await trx(LEDGER)
      .where({ status: "pending" })
      .where((q) => q.where({ id: earnId }).orWhere({ type: "reverse", reference_id: earnId }))
      .whereNull("deleted_at")
      .update({ available_at: availableAt, updated_at: trx.fn.now() })
  }

  /** Makes an account's pending entries due by `now` available; answers their points. */
  async unlockPending(accountId: string, now: Date, context: Context = {}): Promise<number[]> {
    const trx = this.transaction_(context)
    const unlocked: { points: number }[] = await trx(LEDGER)
      .where({ account_id: accountId, status: "pending" })
      .where("available_at", "<=", now)
      .whereNull("deleted_at")
      .update({ status: "available", updated_at: trx.fn.now() })
      .returning(["points"])
    return unlocked.map((u) => Number(u.points))
  }

  /** Makes every pending entry of an account available (the account is being closed). */
  async unlockAllPending(accountId: string, context: Context = {}): Promise<void> {
    const trx = this.transaction_(context)
    await trx(LEDGER)
      .where({ account_id: accountId, status: "pending" })
      .whereNull("deleted_at")
      .update({ status: "available", updated_at: trx.fn.now() })
  }

  /** An account's lots past their expiry with points left, soonest first. */
  async listExpiredLots(
    accountId: string,
    now: Date,
    context: Context = {}
  ): Promise<{ id: string; remaining: number; expires_at: Date }[]> {
    const lots = await this.transaction_(context)(LEDGER)
      .select("id", "remaining", "expires_at")
      .where({ account_id: accountId, status: "available" })
      .where("remaining", ">", 0)
      .where("expires_at", "<=", now)
      .whereNull("deleted_at")
      .orderBy("expires_at")
    return lots.map((l: { id: string; remaining: string; expires_at: Date }) => ({
      ...l,
      remaining: Number(l.remaining),
    }))
  }

  /** An account's lots with points left. */
  async listOpenLots(accountId: string, context: Context = {}): Promise<{ id: string; remaining: number }[]> {
    const lots: { id: string; remaining: string }[] = await this.transaction_(context)(LEDGER)
      .select("id", "remaining")
      .where({ account_id: accountId, status: "available" })
      .where("remaining", ">", 0)
      .whereNull("deleted_at")
    return lots.map((l) => ({ id: l.id, remaining: Number(l.remaining) }))
  }

  /** Empties these lots. */
  async emptyLots(ids: string[], context: Context = {}): Promise<void> {
    const trx = this.transaction_(context)
    await trx(LEDGER).whereIn("id", ids).update({ remaining: 0, updated_at: trx.fn.now() })
  }

  /** How many live `expire` entries a lot has had. */
  async countExpiries(lotId: string, context: Context = {}): Promise<number> {
    const earlier = await this.transaction_(context)(LEDGER)
      .count({ n: "*" })
      .where({ type: "expire", reference_id: lotId })
      .whereNull("deleted_at")
      .first()
    return Number(earlier?.n ?? 0)
  }

  /** How many times an account was closed for privacy (deleted entries count too). */
  async countPrivacyCloses(accountId: string, context: Context = {}): Promise<number> {
    const closed = await this.transaction_(context)(LEDGER)
      .count({ n: "*" })
      .where({ account_id: accountId, type: "adjust", source: "privacy" })
      .first()
    return Number(closed?.n ?? 0)
  }

  /** Takes points from the lots that expire soonest (never-expiring lots last). */
  async spendLots(accountId: string, points: number, context: Context = {}): Promise<Record<string, number>> {
    // One statement instead of a read and one update per lot (this runs inside cart completion):
    // `before` is what the lots ahead of each one hold, so a lot gives what is still owed after
    // them. The account row is locked, so the lots cannot change under this statement.
    const { rows }: { rows: { id: string; take: string }[] } = await this.transaction_(context).raw(
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
  async insertEntry(
    account: AccountRow,
    entry: NewEntry,
    move: { balance: number; pending: number } = { balance: 0, pending: 0 },
    context: Context = {}
  ): Promise<LoyaltyTransactionDTO> {
    const trx = this.transaction_(context)
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
}

function normaliseAccount(row: AccountRow): AccountRow {
  return { ...row, balance: Number(row.balance), pending: Number(row.pending) }
}

/** The money of a row, from its exact `raw_amount` (the `numeric` column when that is missing). */
function amountOf(row: Record<string, any>): BigNumber | null {
  if (row.raw_amount != null) {
    return new BigNumber(row.raw_amount)
  }
  return row.amount == null ? null : new BigNumber(row.amount)
}

function toEntry(row: Record<string, any>): LedgerEntry {
  return { ...toDTO(row), amount: amountOf(row) }
}

/** A row as the service answers it; the money turns into a number here, through BigNumber. */
function toDTO(row: Record<string, any>): LoyaltyTransactionDTO {
  const amount = amountOf(row)
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
    amount: amount === null ? null : amount.numeric,
    rate: row.rate == null ? null : Number(row.rate),
    multiplier: row.multiplier == null ? null : Number(row.multiplier),
    allocations: row.allocations,
    metadata: row.metadata,
    created_at: row.created_at,
  }
}
