import path from "path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import middlewaresConfig from "../../../src/api/middlewares"
import { AftersalesPermissions } from "../../../src/types/permissions"
import { createAdminUser, TEST_PASSWORD } from "../../helpers/admin"
import { CommerceFixture, createCommerceFixture, placeOrder } from "../../helpers/commerce"
import { createShopper } from "../../helpers/store"
import { discoverRoutes } from "../../helpers/sweep"
import { createSecretKey, errorOf, pendingGesture } from "./fixtures"

jest.setTimeout(600 * 1000)

type Permission = { resource: string; operation: string }
type Admin = { headers: Record<string, string>; userId: string; email: string }

const P = AftersalesPermissions
const CUSTOMER_READ = { resource: "customer", operation: "read" }
const ORDER_READ = { resource: "order", operation: "read" }

/** What the README tells a merchant to give a support agent: every read, tickets, no money. */
const AGENT: Permission[] = [
  CUSTOMER_READ,
  ORDER_READ,
  P.READ_SETTINGS,
  P.READ_OVERVIEW,
  P.READ_LOYALTY_POINTS,
  P.READ_GESTURES,
  P.READ_SUPPORT_TICKETS,
  P.CREATE_SUPPORT_TICKETS,
  P.UPDATE_SUPPORT_TICKETS,
  P.RESOLVE_SUPPORT_TICKETS,
]

const adminRoutes = discoverRoutes(path.resolve(__dirname, "../../../src/api")).filter((r) =>
  r.path.startsWith("/admin/")
)

describe("the plugin's admin middlewares", () => {
  it("declare RBAC policies for every admin route and method the plugin adds", () => {
    const declared = (middlewaresConfig.routes ?? []).filter((m) => {
      const policies = Array.isArray(m.policies) ? m.policies : m.policies ? [m.policies] : []
      return policies.length > 0
    })
    const missing = adminRoutes.flatMap((route) =>
      route.methods
        .filter(
          (method) =>
            !declared.some(
              (m) => m.matcher === route.path && (m.methods ?? []).includes(method as "GET")
            )
        )
        .map((method) => `${method} ${route.path}`)
    )
    expect(adminRoutes.length).toBeGreaterThanOrEqual(12)
    expect(missing).toEqual([])
  })
})

// Medusa's RBAC is behind the `rbac` feature flag in 2.21. The runner reads medusa-config
// (which enables the RBAC module from this variable) before it applies its `env` option, so the
// variable is set for this file here, as Medusa's own RBAC tests do, and put back afterwards.
const rbacBefore = process.env.MEDUSA_FF_RBAC
process.env.MEDUSA_FF_RBAC = "true"
afterAll(() => {
  if (rbacBefore === undefined) {
    delete process.env.MEDUSA_FF_RBAC
  } else {
    process.env.MEDUSA_FF_RBAC = rbacBefore
  }
})

medusaIntegrationTestRunner({
  env: { MEDUSA_FF_RBAC: true },
  testSuite: ({ api, getContainer }) => {
    let root: Admin
    let fixture: CommerceFixture
    let shopper: { headers: Record<string, string>; customerId: string }
    let order: { id: string }

    const login = async (email: string) => {
      const { data } = await api.post("/auth/user/emailpass", { email, password: TEST_PASSWORD })
      return { authorization: `Bearer ${data.token}` }
    }

    /** A user holding Medusa's seeded super admin role (`*:*`), as `medusa user` makes one. */
    const superAdmin = async (): Promise<Admin> => {
      const user = await createAdminUser(getContainer(), api)
      await getContainer()
        .resolve(ContainerRegistrationKeys.LINK)
        .create({
          [Modules.USER]: { user_id: user.userId },
          [Modules.RBAC]: { rbac_role_id: "role_super_admin" },
        })
      return { ...user, headers: await login(user.email) }
    }

    /** A new user with a new role holding exactly `permissions`, made through the admin API. */
    const userWithRole = async (name: string, permissions: Permission[]): Promise<Admin> => {
      const keys = permissions.map((p) => `${p.resource}:${p.operation}`)
      const { data } = await api.get(`/admin/rbac/policies?limit=100&${keys.map((k) => `key[]=${k}`).join("&")}`, {
        headers: root.headers,
      })
      expect(data.policies.map((p: any) => p.key).sort()).toEqual([...keys].sort())
      const {
        data: { role },
      } = await api.post(
        "/admin/rbac/roles",
        { name, policy_ids: data.policies.map((p: any) => p.id) },
        { headers: root.headers }
      )
      const user = await createAdminUser(getContainer(), api)
      await api.post(`/admin/rbac/roles/${role.id}/users`, { users: [user.userId] }, { headers: root.headers })
      return { ...user, headers: await login(user.email) }
    }

    /** A gesture above the approval threshold that `requester` asked for. */
    const askForGesture = async (requester: Admin) => {
      const gesture = await pendingGesture(api, {
        adminHeaders: root.headers,
        requesterHeaders: requester.headers,
        shopperHeaders: shopper.headers,
        orderId: order.id,
      })
      expect(gesture.requested_by).toEqual(requester.userId)
      return gesture
    }

    beforeEach(async () => {
      root = await superAdmin()
      fixture = await createCommerceFixture(getContainer())
      shopper = await createShopper(api, fixture.publishableKey)
      order = await placeOrder(api, fixture, shopper.headers, {
        items: [{ variant_id: fixture.variants.shirt_s, quantity: 1 }],
      })
    })

    describe("every plugin admin route with RBAC on", () => {
      it("refuses a role that holds none of the plugin's permissions (403, deny by default)", async () => {
        const bystander = await userWithRole("bystander", [CUSTOMER_READ, ORDER_READ])
        const ids: Record<string, string> = { id: "anything_01", name: "points-unlock" }
        const answers: string[] = []
        for (const route of adminRoutes) {
          const url = route.path.replace(/:(\w+)/g, (_, p) => ids[p] ?? "x_01")
          for (const method of route.methods) {
            const res = await errorOf(
              method === "GET"
                ? api.get(url, { headers: bystander.headers })
                : api.post(url, {}, { headers: bystander.headers })
            )
            answers.push(`${method} ${route.path} ${res.status} ${res.data.type}`)
            expect(res.data.message).toMatch(/^Insufficient permissions\. Required policies: /)
          }
        }
        expect(answers).toEqual(
          adminRoutes.flatMap((r) => r.methods.map((m) => `${m} ${r.path} 403 forbidden`))
        )
      })
    })

    describe("an agent's role (reads and tickets) and a full admin", () => {
      it("lets the agent read but not change settings, adjust points, approve or run jobs", async () => {
        const agent = await userWithRole("agent", AGENT)
        const gesture = await askForGesture(root)
        const reads = [
          "/admin/aftersales/settings",
          "/admin/aftersales/overview",
          `/admin/customers/${shopper.customerId}/loyalty`,
          "/admin/gestures",
          "/admin/support-tickets",
          `/admin/orders/${order.id}/aftersales`,
        ]
        for (const url of reads) {
          expect([url, (await api.get(url, { headers: agent.headers })).status]).toEqual([url, 200])
        }

        const before = (await api.get("/admin/aftersales/settings", { headers: root.headers })).data.settings
        const writes: [string, Record<string, unknown>, string][] = [
          ["/admin/aftersales/settings", { loyalty: { signup_bonus: 5000 } }, "aftersales_settings:update"],
          [`/admin/customers/${shopper.customerId}/loyalty/adjustments`, { points: 500, reason: "goodwill" }, "loyalty_points:adjust"],
          [`/admin/gestures/${gesture.id}/approve`, {}, "gesture:approve"],
          ["/admin/aftersales/jobs/points-unlock/run", {}, "aftersales_job:run"],
        ]
        for (const [url, body, needed] of writes) {
          const res = await errorOf(api.post(url, body, { headers: agent.headers }))
          expect([url, res.status, res.data]).toEqual([
            url,
            403,
            { type: "forbidden", message: `Insufficient permissions. Required policies: ${needed}` },
          ])
        }
        expect((await api.get("/admin/aftersales/settings", { headers: root.headers })).data.settings).toEqual(before)
        const account = (await api.get(`/admin/customers/${shopper.customerId}/loyalty`, { headers: root.headers })).data
        expect(account.transactions ?? []).not.toEqual(
          expect.arrayContaining([expect.objectContaining({ reason: "goodwill" })])
        )
        const still = (await api.get(`/admin/gestures?ticket_id=${gesture.ticket_id}`, { headers: root.headers })).data
        expect(still.gestures[0]).toEqual(expect.objectContaining({ status: "pending_approval", approved_by: null }))

        // The full admin may do all four (approval by someone other than the agent who asked).
        const asked = await askForGesture(agent)
        const done = [
          await api.post("/admin/aftersales/settings", { loyalty: { signup_bonus: 5000 } }, { headers: root.headers }),
          await api.post(`/admin/customers/${shopper.customerId}/loyalty/adjustments`, { points: 500, reason: "goodwill" }, { headers: root.headers }),
          await api.post(`/admin/gestures/${asked.id}/approve`, {}, { headers: root.headers }),
          await api.post("/admin/aftersales/jobs/points-unlock/run", {}, { headers: root.headers }),
        ]
        expect(done.map((r) => r.status)).toEqual([200, 200, 200, 200])
        expect(done[0].data.settings.loyalty.signup_bonus).toEqual(5000)
        expect(done[1].data.transaction).toEqual(expect.objectContaining({ points: 500 }))
        expect(done[2].data.gesture).toEqual(expect.objectContaining({ status: "issued", approved_by: root.userId }))
      })
    })

    describe("POST /admin/gestures/:id/approve with RBAC on", () => {
      it("needs a second person: not the requester, not the requester's API key; another user issues it", async () => {
        const gesture = await askForGesture(root)
        const { headers: basic } = await createSecretKey(api, root.headers)

        const viaKey = await errorOf(api.post(`/admin/gestures/${gesture.id}/approve`, {}, { headers: basic }))
        expect(viaKey.status).toEqual(403)
        expect(viaKey.data).toEqual({ type: "forbidden", message: expect.any(String) })
        const self = await errorOf(api.post(`/admin/gestures/${gesture.id}/approve`, {}, { headers: root.headers }))
        expect([self.status, self.data.type]).toEqual([400, "not_allowed"])

        const supervisor = await userWithRole("supervisor", [P.READ_GESTURES, P.APPROVE_GESTURES])
        const { status, data } = await api.post(`/admin/gestures/${gesture.id}/approve`, {}, { headers: supervisor.headers })
        expect(status).toEqual(200)
        expect(data.gesture).toEqual(
          expect.objectContaining({ id: gesture.id, status: "issued", requested_by: root.userId, approved_by: supervisor.userId })
        )
      })
    })

    describe("POST /admin/aftersales/settings", () => {
      it("records who changed each section and when; GET shows it", async () => {
        const fresh = (await api.get("/admin/aftersales/settings", { headers: root.headers })).data
        expect(fresh.audit).toEqual({ loyalty: null, gestures: null, support: null, returns: null, delays: null })

        const t0 = Date.now()
        const first = await api.post("/admin/aftersales/settings", { support: { reopen_days: 9 } }, { headers: root.headers })
        const t1 = Date.now()
        expect(first.data.audit.support).toEqual({ updated_by: root.userId, updated_at: expect.any(String) })
        const at = Date.parse(first.data.audit.support.updated_at)
        expect(at >= t0 - 1000 && at <= t1 + 1000).toBe(true)
        expect(first.data.audit.loyalty).toBeNull()

        const manager = await userWithRole("manager", [P.READ_SETTINGS, P.UPDATE_SETTINGS])
        await api.post("/admin/aftersales/settings", { loyalty: { signup_bonus: 25 } }, { headers: manager.headers })
        const { data } = await api.get("/admin/aftersales/settings", { headers: manager.headers })
        expect(data.audit).toEqual({
          loyalty: { updated_by: manager.userId, updated_at: expect.any(String) },
          support: first.data.audit.support,
          gestures: null,
          returns: null,
          delays: null,
        })
      })
    })
  },
})
