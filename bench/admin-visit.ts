/**
 * One admin session in Chromium, the load a dev server's memory is measured under
 * (bench/dev-memory.mjs): log in, then the orders list, an order, the customers list, a
 * customer and the plugin's pages (which answer "not found" on a store without the plugin: the
 * same visit either way). Needs AFTERSALES_BASE_URL, DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD.
 */
import { adminApi, BASE_URL, launchBrowser, loginToAdmin } from "../integration-tests/browser/browser"

async function main() {
  const [{ orders }, { customers }] = await Promise.all([
    adminApi("/admin/orders?limit=1&fields=id"),
    adminApi("/admin/customers?limit=1&fields=id"),
  ])
  const pages = [
    "/app/orders",
    `/app/orders/${orders[0].id}`,
    "/app/customers",
    `/app/customers/${customers[0].id}`,
    "/app/support",
    "/app/aftersales",
    "/app/settings/aftersales",
  ]
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage()
    await loginToAdmin(page)
    for (const path of pages) {
      await page.goto(`${BASE_URL}${path}`)
      await page.waitForLoadState("networkidle", { timeout: 120000 })
    }
  } finally {
    await browser.close()
  }
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`)
  process.exit(1)
})
