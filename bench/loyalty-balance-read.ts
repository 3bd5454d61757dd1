/**
 * Balance read benchmark (SPEC §8: with 1 M ledger entries on the account, median < 5 ms
 * in-process, and constant as the ledger grows).
 *
 * Run from the repository root (a throwaway embedded Postgres, the module from source):
 *
 *   MEDUSA_DISABLE_TELEMETRY=true node scripts/with-postgres.mjs npx ts-node --transpile-only bench/loyalty-balance-read.ts
 *
 * One customer's account grows to 10 k, 100 k and 1 M ledger entries (each step one
 * `INSERT … SELECT generate_series`, lots spread over ten years of expiry dates, the cached
 * balance set to the ledger's sum). At each size it reads the account the way the Store API
 * and the admin widget do, through the module service (`getAccountSummary`: the cached balance
 * and pending points, and the next expiry from the partial index), 300 times after a warm-up,
 * and prints the median and p95. For contrast it also times the full-ledger audit
 * (`sumLedger`), which does grow with the ledger. Last line: the 1 M / 10 k ratio of medians.
 */
import LoyaltyPointsService from "../src/modules/loyalty_points/service"
import { AftersalesModules } from "../src/types/modules"
import { bootModule, Knex } from "./boot-module"

const SIZES = [10_000, 100_000, 1_000_000]
const READS = 300
const WARMUP = 100
const BUDGET_MS = 5
const DB = "aftersales_loyalty_bench"
const CUSTOMER = "cus_bench_loyalty"

async function main() {
  const { app, pg, service } = await bootModule<LoyaltyPointsService>(AftersalesModules.LOYALTY_POINTS, "loyalty_points", DB)

  // The account, through the service, with its first lot.
  await service.addBonusPoints({
    customer_id: CUSTOMER,
    points: 100,
    reason: "bench",
    idempotency_key: "bench:signup",
    expires_at: new Date(Date.now() + 400 * 24 * 60 * 60 * 1000),
  })
  const [account] = await service.listLoyaltyAccounts({ customer_id: CUSTOMER })

  const medians: Record<number, number> = {}
  let inserted = 1
  for (const size of SIZES) {
    const t0 = performance.now()
    await grow(pg, account.id, inserted + 1, size)
    inserted = size
    const seeded = performance.now() - t0
    const summary = await service.getAccountSummary(CUSTOMER)
    const audit = await time(() => service.sumLedger(CUSTOMER))
    if (audit.value.balance !== summary.balance || audit.value.lots_remaining !== summary.balance) {
      throw new Error(`cached balance ${summary.balance} differs from the ledger ${JSON.stringify(audit.value)}`)
    }
    for (let i = 0; i < WARMUP; i++) {
      await service.getAccountSummary(CUSTOMER)
    }
    const samples: number[] = []
    for (let i = 0; i < READS; i++) {
      samples.push((await time(() => service.getAccountSummary(CUSTOMER))).ms)
    }
    samples.sort((a, b) => a - b)
    medians[size] = samples[Math.floor(samples.length / 2)]
    process.stdout.write(
      [
        `${size.toLocaleString("en")} ledger entries (inserted in ${(seeded / 1000).toFixed(1)} s), balance ${summary.balance}:`,
        `  balance read (getAccountSummary): median ${medians[size].toFixed(2)} ms, p95 ${samples[Math.floor(samples.length * 0.95)].toFixed(2)} ms over ${READS} reads (budget < ${BUDGET_MS} ms)`,
        `  full-ledger audit (sumLedger), for contrast: ${audit.ms.toFixed(1)} ms`,
        "",
      ].join("\n")
    )
  }
  const [small, , big] = SIZES
  const ratio = medians[big] / medians[small]
  process.stdout.write(
    `ratio ${big / 1_000_000}M / ${small / 1000}k: ${ratio.toFixed(2)}x; 1M median ${medians[big].toFixed(2)} ms ${medians[big] < BUDGET_MS ? "within" : "OVER"} the ${BUDGET_MS} ms budget\n`
  )

  await app.onApplicationShutdown()
  await pg.destroy()
}

/**
 * Adds entries `from`..`to` to the account in one statement: whole-point lots, spread over
 * ten years of expiry dates, then sets the cached balance to the ledger's sum (what the
 * service keeps it at) and refreshes the planner's statistics.
 */
async function grow(pg: Knex, accountId: string, from: number, to: number) {
  await pg.raw(
    `INSERT INTO loyalty_points_transaction
       (id, account_id, customer_id, type, points, status, remaining, expires_at,
        idempotency_key, reason, source, created_at, updated_at)
     SELECT 'lytx_bench_' || g, ?, ?, 'earn', 1, 'available', 1,
            now() + interval '30 days' + (g % 87600) * interval '1 hour',
            'bench:' || g, 'bench', 'order', now() - (g % 365) * interval '1 day', now()
     FROM generate_series(?::int, ?::int) AS g`,
    [accountId, CUSTOMER, from, to]
  )
  await pg.raw(
    `UPDATE loyalty_points_account
     SET balance = (SELECT sum(points) FROM loyalty_points_transaction WHERE account_id = ? AND status = 'available' AND deleted_at IS NULL)
     WHERE id = ?`,
    [accountId, accountId]
  )
  await pg.raw("ANALYZE loyalty_points_transaction")
}

async function time<T>(run: () => Promise<T>) {
  const start = performance.now()
  const value = await run()
  return { value, ms: performance.now() - start }
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`)
  process.exit(1)
})
