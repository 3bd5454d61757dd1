import { Browser, Page } from "playwright-core"
import { BASE_URL, launchBrowser, loginToAdmin, screenshot } from "./browser"

jest.setTimeout(120 * 1000)

describe("the admin with medusa-aftersales", () => {
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    browser = await launchBrowser()
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
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
})
