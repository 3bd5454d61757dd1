import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdminUser } from "../../helpers/admin"
import { createPublishableKey } from "../../helpers/store"

jest.setTimeout(60 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let storeHeaders: Record<string, string>

    beforeEach(async () => {
      const container = getContainer()
      admin = await createAdminUser(container, api)
      const { key } = await createPublishableKey(container)
      storeHeaders = { "x-publishable-api-key": key }
    })

    describe("the app with the plugin", () => {
      it("boots and answers /health", async () => {
        const res = await api.get("/health")
        expect(res.status).toEqual(200)
      })
    })

    describe("GET /store/aftersales/program", () => {
      it("answers the public terms with a publishable key", async () => {
        const res = await api.get("/store/aftersales/program", { headers: storeHeaders })
        expect(res.status).toEqual(200)
        expect(res.data.program).toEqual({
          loyalty: expect.objectContaining({
            enabled: true,
            pending_days: 14,
            earn_rates: expect.objectContaining({ eur: 1 }),
            point_values: expect.objectContaining({ eur: 0.01 }),
            tiers: expect.arrayContaining([expect.objectContaining({ name: "Gold" })]),
          }),
          returns: { window_days: 30, window_start: "delivery" },
        })
        // Budgets and policies are the merchant's business, not the shopper's.
        expect(res.data.program).not.toHaveProperty("gestures")
      })

      it("refuses a request without a publishable key", async () => {
        const err = await api.get("/store/aftersales/program").catch((e: any) => e)
        expect(err.response.status).toEqual(400)
        expect(err.response.data).toEqual({
          type: "not_allowed",
          message: expect.stringContaining("Publishable API key required"),
        })
      })

      it("refuses an unknown publishable key", async () => {
        const err = await api
          .get("/store/aftersales/program", { headers: { "x-publishable-api-key": "pk_nope" } })
          .catch((e: any) => e)
        expect(err.response.status).toEqual(400)
        expect(err.response.data.type).toEqual("not_allowed")
      })
    })

    describe("GET /admin/aftersales/settings", () => {
      it("answers 401 without an admin session", async () => {
        const err = await api.get("/admin/aftersales/settings").catch((e: any) => e)
        expect(err.response.status).toEqual(401)
      })

      it("answers every section with the defaults", async () => {
        const res = await api.get("/admin/aftersales/settings", { headers: admin.headers })
        expect(res.status).toEqual(200)
        expect(Object.keys(res.data.settings).sort()).toEqual(
          ["delays", "gestures", "loyalty", "returns", "support"]
        )
        expect(res.data.settings.loyalty.max_redeem_share).toEqual(0.5)
        expect(res.data.settings.returns.window_days).toEqual(30)
        expect(res.data.settings.delays.ship_within_hours).toEqual(48)
        expect(res.data.settings.support.first_response_hours.normal).toEqual(24)
      })
    })

    describe("POST /admin/aftersales/settings", () => {
      it("merges a partial patch per section and keeps it", async () => {
        const res = await api.post(
          "/admin/aftersales/settings",
          { loyalty: { pending_days: 7 }, returns: { window_days: 45 } },
          { headers: admin.headers }
        )
        expect(res.status).toEqual(200)
        expect(res.data.settings.loyalty).toEqual(
          expect.objectContaining({ pending_days: 7, max_redeem_share: 0.5, enabled: true })
        )
        expect(res.data.settings.returns.window_days).toEqual(45)

        // A second patch of the same section keeps the first one's fields.
        await api.post(
          "/admin/aftersales/settings",
          { loyalty: { min_redeem_points: 50 } },
          { headers: admin.headers }
        )
        const again = await api.get("/admin/aftersales/settings", { headers: admin.headers })
        expect(again.data.settings.loyalty).toEqual(
          expect.objectContaining({ pending_days: 7, min_redeem_points: 50 })
        )
        // The store reads the same settings.
        const program = await api.get("/store/aftersales/program", { headers: storeHeaders })
        expect(program.data.program.returns.window_days).toEqual(45)
      })

      it.each([
        [{ loyalty: { max_redeem_share: 2 } }, "loyalty.max_redeem_share"],
        [{ loyalty: { pending_days: 1.5 } }, "loyalty.pending_days"],
        [{ returns: { window_start: "tomorrow" } }, "returns.window_start"],
        [{ loyalty: { earn_rates: { EUR: 1 } } }, "loyalty.earn_rates"],
        [{ delays: { nope: true } }, "delays"],
        [{ unknown_section: {} }, ""],
        [{ returns: { overrides: [{ window_days: 10 }] } }, "returns.overrides.0"],
      ])("refuses %j with a 400 naming the field", async (body, field) => {
        const err = await api
          .post("/admin/aftersales/settings", body, { headers: admin.headers })
          .catch((e: any) => e)
        expect(err.response.status).toEqual(400)
        expect(err.response.data).toEqual({
          type: "invalid_data",
          message: expect.stringContaining(field),
        })
        const res = await api.get("/admin/aftersales/settings", { headers: admin.headers })
        expect(res.data.settings.loyalty.max_redeem_share).toEqual(0.5)
      })

      it("refuses a body that is not JSON object", async () => {
        const err = await api
          .post("/admin/aftersales/settings", [1, 2], { headers: admin.headers })
          .catch((e: any) => e)
        expect(err.response.status).toEqual(400)
        expect(err.response.data.type).toEqual("invalid_data")
      })
    })

    describe("POST /admin/aftersales/jobs/:name/run", () => {
      it("runs a job now and answers its summary", async () => {
        const res = await api.post("/admin/aftersales/jobs/points-expiry/run", {}, { headers: admin.headers })
        expect(res.status).toEqual(200)
        expect(res.data).toEqual({
          job: "points-expiry",
          result: { expired_entries: 0, expired_points: 0, customers: 0, reminded: 0, failed: 0, reminders_failed: 0 },
        })
      })

      it("answers 404 naming the known jobs for an unknown one", async () => {
        const err = await api
          .post("/admin/aftersales/jobs/make-coffee/run", {}, { headers: admin.headers })
          .catch((e: any) => e)
        expect(err.response.status).toEqual(404)
        expect(err.response.data).toEqual({
          type: "not_found",
          message: expect.stringMatching(/Job make-coffee does not exist\. Jobs: .*points-unlock/),
        })
      })

      it("is for admins only", async () => {
        const err = await api.post("/admin/aftersales/jobs/sla-check/run", {}).catch((e: any) => e)
        expect(err.response.status).toEqual(401)
      })
    })
  },
})
