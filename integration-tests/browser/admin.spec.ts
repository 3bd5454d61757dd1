import { readFileSync } from "fs"
import { Browser, Page } from "playwright-core"
import { adminApi, BASE_URL, launchBrowser, loginToAdmin, screenshot, useAdminLanguage } from "./browser"

jest.setTimeout(180 * 1000)

describe("the admin with medusa-aftersales", () => {
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 } })
    await loginToAdmin(page)
  })

  afterAll(async () => {
    await browser?.close()
  })

  it("logs in and shows the orders of the seeded store", async () => {
    await page.goto(`${BASE_URL}/app/orders`)
    await page.getByText("Ayşe Yılmaz").first().waitFor({ timeout: 60000 })
    await screenshot(page, "01-orders")
    expect(await page.getByText("Ayşe Yılmaz").count()).toBeGreaterThan(0)
  })

  it("shows the after-sales overview with its figures and charts", async () => {
    await page.goto(`${BASE_URL}/app/aftersales`)
    await page.getByTestId("aftersales-stat-liability").waitFor({ timeout: 60000 })
    await page.getByTestId("aftersales-chart-points").waitFor()
    const overview = await adminApi("/admin/aftersales/overview")
    const shown = await page.getByTestId("aftersales-stat-liability").innerText()
    const outstanding = overview.loyalty.points_available + overview.loyalty.points_pending
    expect(shown.replace(/\D/g, "")).toContain(String(outstanding))
    await screenshot(page, "02-overview")
    await screenshot(page, "02b-overview-charts", "aftersales-chart-support")
  })

  it("shows the after-sales widget on an order", async () => {
    const { orders } = await adminApi("/admin/orders?limit=50&fields=id,email,fulfillment_status")
    const delivered = orders.find((o: any) => o.fulfillment_status === "delivered")
    await page.goto(`${BASE_URL}/app/orders/${delivered.id}`)
    await page.getByTestId("aftersales-order-widget").waitFor({ timeout: 60000 })
    await page.getByTestId("aftersales-order-returns").waitFor()
    await screenshot(page, "03-order-widget", "aftersales-order-widget")
    expect(await page.getByTestId("aftersales-order-points").innerText()).toMatch(/\d/)
  })

  it("offers a customer's after-sales data as a JSON download on the customer page", async () => {
    const { customers } = await adminApi("/admin/customers?limit=1&has_account=true&fields=id,email")
    await page.goto(`${BASE_URL}/app/customers/${customers[0].id}`)
    const widget = page.getByTestId("aftersales-customer-privacy")
    await widget.waitFor({ timeout: 60000 })
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 30000 }),
      page.getByTestId("aftersales-privacy-export").click(),
    ])
    expect(download.suggestedFilename()).toEqual(`aftersales-${customers[0].id}.json`)
    const file = await download.path()
    const exported = JSON.parse(readFileSync(file, "utf8"))
    expect(exported).toEqual(expect.objectContaining({ customer: expect.objectContaining({ id: customers[0].id }) }))
    await screenshot(page, "03b-customer-privacy", "aftersales-customer-privacy")
  })

  it("changes a setting, sees it applied, and shows a field error for a wrong value", async () => {
    await page.goto(`${BASE_URL}/app/settings/aftersales`)
    const windowDays = page.getByTestId("aftersales-field-returns-window_days")
    await windowDays.waitFor({ timeout: 60000 })
    await windowDays.fill("45")
    await page.getByTestId("aftersales-settings-save-returns").click()
    await page.getByText("Settings saved").first().waitFor()
    const { settings } = await adminApi("/admin/aftersales/settings")
    expect(settings.returns.window_days).toEqual(45)
    const { program } = await fetch(`${BASE_URL}/store/aftersales/program`, {
      headers: { "x-publishable-api-key": process.env.AFTERSALES_PUBLISHABLE_KEY ?? "" },
    }).then((r) => r.json())
    // The storefront reads the same settings.
    expect(program.returns.window_days).toEqual(45)

    const share = page.getByTestId("aftersales-field-loyalty-max_redeem_share")
    await share.fill("2")
    await page.getByTestId("aftersales-settings-save-loyalty").click()
    const error = page.getByTestId("aftersales-error-loyalty-max_redeem_share")
    await error.waitFor()
    expect(await error.innerText()).toMatch(/<=\s*1/)
    await screenshot(page, "04-settings")
    const after = await adminApi("/admin/aftersales/settings")
    expect(after.settings.loyalty.max_redeem_share).toEqual(0.5)
  })

  it("speaks Turkish when the admin's language is Turkish", async () => {
    await useAdminLanguage(page, "tr")
    await page.goto(`${BASE_URL}/app/aftersales`)
    await page.getByText("Satış sonrası özeti").waitFor({ timeout: 60000 })
    await screenshot(page, "05-overview-tr")
    await page.goto(`${BASE_URL}/app/settings/aftersales`)
    await page.getByText("Satış sonrası ayarları").waitFor({ timeout: 60000 })
    await screenshot(page, "06-settings-tr")
    await useAdminLanguage(page, "en")
  })
})
