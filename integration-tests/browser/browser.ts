import fs from "fs"
import path from "path"
import { Browser, chromium, Page } from "playwright-core"

/** Where the running store is (set by scripts/browser-test.mjs). */
export const BASE_URL = process.env.AFTERSALES_BASE_URL || "http://localhost:9000"
export const ADMIN_EMAIL = process.env.DEMO_ADMIN_EMAIL || "admin@example.com"
export const ADMIN_PASSWORD = process.env.DEMO_ADMIN_PASSWORD || "supersecret"
/** Screenshots land here, one PNG per page visited, to be looked at. */
export const SCREENSHOT_DIR = path.resolve(__dirname, "../../screenshots")

/**
 * Debian's Chromium driven by playwright-core (never `playwright install`: it downloads a
 * browser). The flags keep it from calling out to the network, which is closed here.
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  })
}

/** Logs in to the admin as the demo admin and waits for the dashboard. */
export async function loginToAdmin(page: Page) {
  await page.goto(`${BASE_URL}/app/login`)
  await page.fill("input[name=email]", ADMIN_EMAIL)
  await page.fill("input[name=password]", ADMIN_PASSWORD)
  await page.click("button[type=submit]")
  await page.waitForURL((url) => !url.pathname.endsWith("/login"), { timeout: 60000 })
}

/**
 * Saves a screenshot as screenshots/<name>.png. The admin scrolls inside its own panel, so a
 * full-page shot misses what is below the fold: with `testId`, that element is scrolled into
 * view first.
 */
export async function screenshot(page: Page, name: string, testId?: string) {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true })
  if (testId) {
    await page.getByTestId(testId).scrollIntoViewIfNeeded()
  }
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) })
}

/** A bearer token for the Admin API, for setting up and checking what the pages show. */
export async function adminToken(): Promise<string> {
  const res = await fetch(`${BASE_URL}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  })
  return (await res.json()).token
}

/** Calls the Admin API with the demo admin's token; answers the JSON body. */
export async function adminApi(path: string, init: { method?: string; body?: unknown } = {}) {
  const res = await fetch(`${BASE_URL}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${await adminToken()}`, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  return res.json()
}

/** Switches the admin's language the way its language setting stores it (cookie `lng`). */
export async function useAdminLanguage(page: Page, lng: "en" | "tr") {
  const { hostname } = new URL(BASE_URL)
  await page.context().addCookies([{ name: "lng", value: lng, domain: hostname, path: "/" }])
  await page.evaluate((l) => window.localStorage.setItem("lng", l), lng)
}
