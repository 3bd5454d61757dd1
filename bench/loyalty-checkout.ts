/**
 * Checkout benchmark (SPEC §8: cart completion with points applied, median ≤ 1.10 × stock
 * Medusa's, same run, same data).
 *
 *   BENCH_PLUGIN_URL=http://localhost:9000 BENCH_PLUGIN_KEY=pk_… \
 *   BENCH_STOCK_URL=http://localhost:9100 BENCH_STOCK_KEY=pk_… \
 *   BENCH_ADMIN_EMAIL=admin@example.com BENCH_ADMIN_PASSWORD=… \
 *   npx ts-node --transpile-only bench/loyalty-checkout.ts [rounds=40]
 *
 * This is the measuring half; `npm run bench:checkout` (bench/checkout-vs-stock.mjs) builds,
 * seeds and starts both stores on a throwaway Postgres, runs this, and stops everything.
 * By hand it needs two running stores seeded the same way: the demo app (with the plugin) and
 * a stock twin (the same app without the `plugins` entry and without the plugin's seed steps).
 *
 * Three series, visited in rotation each round after BENCH_WARMUP (default 3) uncounted
 * checkouts each: the plugin store with points applied, stock Medusa, and the plugin store
 * without points (to tell the plugin's fixed cost from the redemption's). Each checkout: a
 * fresh shopper signs up through the Store API, fills a cart (first product, first region, its
 * first shipping option, the system payment provider); for the points series an admin credits
 * them 1000 points (not timed) and the shopper applies `{ max: true }` before the payment
 * session. `POST /store/carts/:id/complete` is timed; the points series' apply + complete is
 * reported too. Prints medians, p90 and the ratios.
 */

type Store = { name: string; url: string; key: string; points: boolean }

const DEFAULT_ROUNDS = 40
const DEFAULT_WARMUP = 3
const PASSWORD = "bench-password-123"

async function main() {
  const env = (name: string) => {
    const value = process.env[name]
    if (!value) {
      throw new Error(`${name} is not set (see the top of bench/loyalty-checkout.ts)`)
    }
    return value
  }
  const rounds = Number(process.argv[2] ?? DEFAULT_ROUNDS)
  const stores: Store[] = [
    { name: "with the plugin, points applied", url: env("BENCH_PLUGIN_URL"), key: env("BENCH_PLUGIN_KEY"), points: true },
    { name: "stock Medusa", url: env("BENCH_STOCK_URL"), key: env("BENCH_STOCK_KEY"), points: false },
    // Splits the overhead: what the plugin costs a checkout that spends no points.
    { name: "with the plugin, no points", url: env("BENCH_PLUGIN_URL"), key: env("BENCH_PLUGIN_KEY"), points: false },
  ]
  const adminToken = await login(stores[0].url, "user", env("BENCH_ADMIN_EMAIL"), env("BENCH_ADMIN_PASSWORD"))
  const warmup = Number(process.env.BENCH_WARMUP ?? DEFAULT_WARMUP)
  const complete: Record<string, number[]> = Object.fromEntries(stores.map((s) => [s.name, []]))
  const applyAndComplete: number[] = []
  // Each round visits every store, starting one further along each time, so no store always
  // follows the same one.
  const rotation = (round: number) => stores.map((_, i) => stores[(i + round) % stores.length])

  // Warm-up checkouts on each store, not counted.
  for (let i = 0; i < warmup; i++) {
    for (const store of rotation(i)) {
      await checkout(store, adminToken)
    }
  }
  for (let round = 0; round < rounds; round++) {
    for (const store of rotation(round)) {
      const t = await checkout(store, adminToken)
      complete[store.name].push(t.complete)
      if (store.points) {
        applyAndComplete.push(t.apply + t.complete)
      }
    }
  }
  const [withPlugin, stock, withoutPoints] = stores.map((s) => complete[s.name])
  const ratio = median(withPlugin) / median(stock)
  const line = (label: string, v: number[]) =>
    `  ${label.padEnd(48)} median ${median(v).toFixed(0).padStart(5)} ms   p90 ${p90(v).toFixed(0).padStart(5)} ms`
  process.stdout.write(
    [
      "",
      `${rounds} checkouts each after ${warmup} warm-up each, in rotation, POST /store/carts/:id/complete:`,
      line(stores[0].name, withPlugin),
      line(stores[1].name, stock),
      line(stores[2].name, withoutPoints),
      line("with the plugin: apply points + complete", applyAndComplete),
      `ratio plugin/stock (complete, medians) ${ratio.toFixed(2)}x, budget ≤ 1.10x: ${ratio <= 1.1 ? "within" : "OVER"}`,
      `ratio plugin without points / stock ${(median(withoutPoints) / median(stock)).toFixed(2)}x (for information)`,
      `ratio plugin apply+complete / stock complete ${(median(applyAndComplete) / median(stock)).toFixed(2)}x (for information)`,
      `BENCH_RESULT ${JSON.stringify({
        rounds,
        warmup,
        plugin_complete_ms: { median: median(withPlugin), p90: p90(withPlugin) },
        stock_complete_ms: { median: median(stock), p90: p90(stock) },
        plugin_no_points_complete_ms: { median: median(withoutPoints), p90: p90(withoutPoints) },
        plugin_apply_and_complete_ms: { median: median(applyAndComplete), p90: p90(applyAndComplete) },
        ratio,
      })}`,
      "",
    ].join("\n")
  )
}

/** One shopper's checkout on a store; answers the latencies (ms) of applying points and completing. */
async function checkout(store: Store, adminToken: string): Promise<{ apply: number; complete: number }> {
  const email = `bench-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`
  const base = { "x-publishable-api-key": store.key }
  const registration = await call(store.url, "POST", "/auth/customer/emailpass/register", { email, password: PASSWORD })
  const { customer } = await call(store.url, "POST", "/store/customers", { email }, { ...base, authorization: `Bearer ${registration.token}` })
  const token = await login(store.url, "customer", email, PASSWORD)
  const headers = { ...base, authorization: `Bearer ${token}` }

  const { regions } = await call(store.url, "GET", "/store/regions?limit=1", undefined, headers)
  const region = regions[0]
  const { products } = await call(store.url, "GET", `/store/products?limit=1&region_id=${region.id}`, undefined, headers)
  const { cart } = await call(store.url, "POST", "/store/carts", {
    region_id: region.id,
    items: [{ variant_id: products[0].variants[0].id, quantity: 2 }],
  }, headers)
  const address = { first_name: "Bench", last_name: "Shopper", address_1: "Street 1", city: "City", postal_code: "10000", country_code: region.countries[0].iso_2 }
  await call(store.url, "POST", `/store/carts/${cart.id}`, { shipping_address: address, billing_address: address }, headers)
  const { shipping_options } = await call(store.url, "GET", `/store/shipping-options?cart_id=${cart.id}`, undefined, headers)
  await call(store.url, "POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: shipping_options[0].id }, headers)
  let apply = 0
  if (store.points) {
    await call(store.url, "POST", `/admin/customers/${customer.id}/loyalty/adjustments`, { points: 1000, reason: "bench" }, { authorization: `Bearer ${adminToken}` })
    const started = performance.now()
    const applied = await call(store.url, "POST", `/store/carts/${cart.id}/loyalty-points`, { max: true }, headers)
    apply = performance.now() - started
    if (!(applied.loyalty_points?.applied_points > 0)) {
      throw new Error(`${store.name}: no points were applied: ${JSON.stringify(applied)}`)
    }
  }
  const { payment_collection } = await call(store.url, "POST", "/store/payment-collections", { cart_id: cart.id }, headers)
  await call(store.url, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, headers)

  const start = performance.now()
  const result = await call(store.url, "POST", `/store/carts/${cart.id}/complete`, {}, headers)
  const ms = performance.now() - start
  if (result.type !== "order") {
    throw new Error(`${store.name}: checkout did not place an order: ${JSON.stringify(result)}`)
  }
  return { apply, complete: ms }
}

async function login(url: string, actor: "user" | "customer", email: string, password: string) {
  const { token } = await call(url, "POST", `/auth/${actor}/emailpass`, { email, password })
  return token as string
}

async function call(url: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  if (!res.ok) {
    throw new Error(`${method} ${url}${path}: ${res.status} ${text}`)
  }
  return text ? JSON.parse(text) : {}
}

function quantile(values: number[], q: number) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]
}
const median = (values: number[]) => quantile(values, 0.5)
const p90 = (values: number[]) => quantile(values, 0.9)

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`)
  process.exit(1)
})
