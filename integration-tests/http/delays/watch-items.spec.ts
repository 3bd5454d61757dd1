import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { renderNotification } from "../../../src/notifications/render"
import AftersalesSettingsService from "../../../src/modules/aftersales_settings/service"
import DelayWatchService from "../../../src/modules/delay_watch/service"
import { AftersalesModules } from "../../../src/types/modules"
import { createAdminUser } from "../../helpers/admin"
import { readUntil } from "../../helpers/eventually"
import { CommerceFixture, createCommerceFixture, placeOrder } from "../../helpers/commerce"
import { createShopper } from "../../helpers/store"

jest.setTimeout(600 * 1000)

const HOUR = 60 * 60 * 1000
const TEMPLATE = "aftersales.delays.detected"

/**
 * The watch follows items, not fulfilments (a partial shipment or delivery keeps the rest
 * watched, an item added by an edit is watched), a deleted customer's late order is still
 * announced, the delay choice offers a cancel only when Medusa would accept it, and an
 * incident recorded but never announced (a crash in between) is announced by the next scan.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixture: CommerceFixture
    let admin: { headers: Record<string, string> }
    let alice: Awaited<ReturnType<typeof createShopper>>

    const watches = () => getContainer().resolve<DelayWatchService>(AftersalesModules.DELAY_WATCH)
    const support = () => getContainer().resolve(AftersalesModules.SUPPORT) as any
    const notifications = () => getContainer().resolve(Modules.NOTIFICATION)
    /** The delay-scan job, run now as a merchant does from the admin. */
    const scan = async () =>
      (await api.post("/admin/aftersales/jobs/delay-scan/run", {}, { headers: admin.headers })).data.result
    const delayTickets = (orderId: string) => support().listSupportTickets({ order_id: orderId, category: "delay" })
    const delayMails = (orderId: string) =>
      notifications().listNotifications({ template: TEMPLATE, resource_id: orderId } as any)

    /** The text the provider renders from a sent notification's data. */
    const sent = (mail: { data?: unknown }) =>
      renderNotification(TEMPLATE, "en", (mail.data ?? {}) as Record<string, unknown>).text

    beforeEach(async () => {
      const container = getContainer()
      fixture = await createCommerceFixture(container)
      admin = await createAdminUser(container, api)
      alice = await createShopper(api, fixture.publishableKey)
      const settings = container.resolve<AftersalesSettingsService>(AftersalesModules.SETTINGS)
      await settings.updateSettings({ delays: { scan_every_minutes: 1440 } })
    })

    async function placeWatched(items = [{ variant_id: fixture.variants.shirt_s, quantity: 1 }]) {
      const order = await placeOrder(api, fixture, alice.headers, { region: "eu", items })
      const watch = await readUntil(() => watches().retrieveWatchByOrder(order.id), (w) => !!w)
      expect(watch).not.toBeNull()
      return order
    }

    async function overdue(orderId: string, what: { ship?: boolean; deliver?: boolean }) {
      const watch = (await watches().retrieveWatchByOrder(orderId))!
      await watches().updateDelayWatches({
        id: watch.id,
        ...(what.ship ? { ship_by: new Date(Date.now() - HOUR) } : {}),
        ...(what.deliver ? { deliver_by: new Date(Date.now() - HOUR) } : {}),
      })
    }

    /**
     * Runs an admin action that moves goods and waits until the watch's subscriber has handled
     * it (each movement event rewrites the watch row, changed or not).
     */
    async function moved<T>(orderId: string, action: () => Promise<T>): Promise<T> {
      const before = new Date((await watches().retrieveWatchByOrder(orderId))!.updated_at).getTime()
      const result = await action()
      await readUntil(
        () => watches().retrieveWatchByOrder(orderId),
        (w) => new Date(w!.updated_at).getTime() > before
      )
      return result
    }

    async function orderItems(orderId: string) {
      const {
        data: { order },
      } = await api.get(`/admin/orders/${orderId}?fields=*items`, { headers: admin.headers })
      return order.items as { id: string; quantity: number; product_title: string; variant_id: string }[]
    }

    /** Fulfils the given lines (all by default); answers the new fulfilment's id. */
    async function fulfil(orderId: string, only?: (item: { variant_id: string }) => boolean) {
      const items = (await orderItems(orderId)).filter((i) => !only || only(i)).map((i) => ({ id: i.id, quantity: i.quantity }))
      const {
        data: { order },
      } = await moved<any>(orderId, () =>
        api.post(`/admin/orders/${orderId}/fulfillments?fields=*fulfillments`, { items, location_id: fixture.stockLocationId }, { headers: admin.headers })
      )
      const open = order.fulfillments.filter((f: any) => !f.canceled_at)
      const newest = open.sort((a: any, b: any) => new Date(b.created_at).getTime() - new Date(a.created_at).getTime())[0]
      return { fulfillmentId: newest.id as string, items }
    }

    async function ship(orderId: string, only?: (item: { variant_id: string }) => boolean) {
      const { fulfillmentId, items } = await fulfil(orderId, only)
      await moved(orderId, () =>
        api.post(`/admin/orders/${orderId}/fulfillments/${fulfillmentId}/shipments`, { items }, { headers: admin.headers })
      )
      return fulfillmentId
    }

    async function deliver(orderId: string, fulfillmentId: string) {
      await moved(orderId, () =>
        api.post(`/admin/orders/${orderId}/fulfillments/${fulfillmentId}/mark-as-delivered`, {}, { headers: admin.headers })
      )
    }

    const isShirt = (i: { variant_id: string }) => i.variant_id === fixture.variants.shirt_s
    const isMug = (i: { variant_id: string }) => i.variant_id === fixture.variants.mug_white

    describe("the watch follows items", () => {
      it("a partly shipped and partly delivered order stays watched and is late for the item not sent, named in the message", async () => {
        const order = await placeWatched([
          { variant_id: fixture.variants.shirt_s, quantity: 1 },
          { variant_id: fixture.variants.mug_white, quantity: 1 },
        ])
        const shirtParcel = await ship(order.id, isShirt)
        expect(await watches().retrieveWatchByOrder(order.id)).toEqual(
          expect.objectContaining({ status: "open", shipped_at: null, delivered_at: null })
        )
        // The shirt arrives; the mug was never even packed: still open, still not shipped.
        await deliver(order.id, shirtParcel)
        expect(await watches().retrieveWatchByOrder(order.id)).toEqual(
          expect.objectContaining({ status: "open", shipped_at: null, delivered_at: null, closed_at: null })
        )

        await overdue(order.id, { ship: true })
        expect(await scan()).toEqual(expect.objectContaining({ late: 1, late_by_stage: { ship: 1, deliver: 0 }, tickets_opened: 1, failed: 0 }))
        const mails = await delayMails(order.id)
        expect(mails).toHaveLength(1)
        expect((mails[0].data as any).late_items).toEqual([expect.objectContaining({ title: "Iznik mug", quantity: 1 })])
        expect(sent(mails[0])).toContain("Iznik mug")
        expect(sent(mails[0])).not.toContain("Linen shirt")
        const [ticket] = await delayTickets(order.id)
        const {
          data: { ticket: view },
        } = await api.get(`/store/support-tickets/${ticket.id}`, { headers: alice.headers })
        expect(view.messages[0].body).toContain("Iznik mug")

        // The mug ships: now everything has; delivered once the mug arrives too.
        const mugParcel = await ship(order.id, isMug)
        expect((await watches().retrieveWatchByOrder(order.id))!.shipped_at).not.toBeNull()
        await deliver(order.id, mugParcel)
        expect(await watches().retrieveWatchByOrder(order.id)).toEqual(
          expect.objectContaining({ status: "closed", delivered_at: expect.anything() })
        )
      })

      it("is late for delivery while one of two shipped parcels has not arrived, naming the missing item", async () => {
        const order = await placeWatched([
          { variant_id: fixture.variants.shirt_s, quantity: 1 },
          { variant_id: fixture.variants.mug_white, quantity: 2 },
        ])
        const shirtParcel = await ship(order.id, isShirt)
        await ship(order.id, isMug)
        expect((await watches().retrieveWatchByOrder(order.id))!.shipped_at).not.toBeNull()
        await deliver(order.id, shirtParcel)
        expect(await watches().retrieveWatchByOrder(order.id)).toEqual(expect.objectContaining({ status: "open", delivered_at: null }))

        await overdue(order.id, { deliver: true })
        expect(await scan()).toEqual(expect.objectContaining({ late_by_stage: { ship: 0, deliver: 1 }, tickets_opened: 1 }))
        const [mail] = await delayMails(order.id)
        expect((mail.data as any).late_items).toEqual([expect.objectContaining({ title: "Iznik mug", quantity: 2 })])
      })

      it("an item added by an order edit after shipment is watched under a promise counted from the edit", async () => {
        const order = await placeWatched()
        await ship(order.id)
        const shipped = (await watches().retrieveWatchByOrder(order.id))!
        expect(shipped.shipped_at).not.toBeNull()

        const editedAt = Date.now()
        const {
          data: { order_change: edit },
        } = await api.post("/admin/order-edits", { order_id: order.id }, { headers: admin.headers })
        await api.post(`/admin/order-edits/${order.id}/items`, { items: [{ variant_id: fixture.variants.mug_white, quantity: 1 }] }, { headers: admin.headers })
        await api.post(`/admin/order-edits/${order.id}/request`, {}, { headers: admin.headers })
        expect(edit.id).toBeDefined()
        await moved(order.id, () => api.post(`/admin/order-edits/${order.id}/confirm`, {}, { headers: admin.headers }))

        const reopened = (await watches().retrieveWatchByOrder(order.id))!
        expect(reopened).toEqual(expect.objectContaining({ status: "open", shipped_at: null }))
        // The default promise (48 h to ship) for the new item, counted from the edit.
        expect(new Date(reopened.ship_by).getTime()).toBeGreaterThanOrEqual(editedAt + 47 * HOUR)

        await overdue(order.id, { ship: true })
        expect(await scan()).toEqual(expect.objectContaining({ tickets_opened: 1 }))
        const [mail] = await delayMails(order.id)
        expect((mail.data as any).late_items).toEqual([expect.objectContaining({ title: "Iznik mug", quantity: 1 })])
      })
    })

    describe("a late order whose customer was deleted", () => {
      it("is told at the order's email with no ticket and no failure, once", async () => {
        const order = await placeWatched()
        await overdue(order.id, { ship: true })
        await getContainer().resolve(Modules.CUSTOMER).softDeleteCustomers([alice.customerId])

        expect(await scan()).toEqual(expect.objectContaining({ late: 1, failed: 0 }))
        expect(await scan()).toEqual(expect.objectContaining({ late: 0, failed: 0 }))
        const mails = await delayMails(order.id)
        expect(mails).toHaveLength(1)
        expect(mails[0].to).toEqual(order.email)
        expect(await delayTickets(order.id)).toHaveLength(0)
        const [incident] = await watches().listDelayIncidents({ order_id: order.id })
        expect(incident).toEqual(expect.objectContaining({ stage: "ship", ticket_id: null }))
      })
    })

    describe("the delay choice offers cancel only when Medusa accepts it", () => {
      it("an order packed but not shipped is offered only to wait, told why, and a cancel is our 400", async () => {
        const order = await placeWatched()
        await fulfil(order.id)
        await overdue(order.id, { ship: true })
        expect(await scan()).toEqual(expect.objectContaining({ tickets_opened: 1 }))

        const [mail] = await delayMails(order.id)
        expect(mail.data).toEqual(expect.objectContaining({ can_cancel: false, cancel_unavailable: "packed" }))
        expect(sent(mail)).toContain("being packed")

        const [ticket] = await delayTickets(order.id)
        const {
          data: { ticket: view },
        } = await api.get(`/store/support-tickets/${ticket.id}`, { headers: alice.headers })
        expect(view.delay_choice).toEqual({
          choice: null,
          options: ["wait"],
          cancel_unavailable_reason: expect.stringContaining("being packed"),
        })
        expect(view.messages[0].body).toContain("being packed")

        const cancel = await api
          .post(`/store/support-tickets/${ticket.id}/delay-choice`, { choice: "cancel" }, { headers: alice.headers })
          .catch((e: any) => e.response)
        expect(cancel.status).toEqual(400)
        expect(cancel.data).toEqual({ type: "not_allowed", message: expect.stringContaining("being packed") })
        expect(cancel.data.message).not.toContain("All fulfillments")
        const [incident] = await watches().listDelayIncidents({ order_id: order.id })
        expect(incident.choice).toBeNull()

        // Waiting is still the shopper's to choose.
        const wait = await api.post(`/store/support-tickets/${ticket.id}/delay-choice`, { choice: "wait" }, { headers: alice.headers })
        expect(wait.data.delay_choice).toEqual(expect.objectContaining({ choice: "wait", order_canceled: false }))
      })

      it("an order not packed is offered both, and a ticket view follows the order as it moves", async () => {
        const order = await placeWatched()
        await overdue(order.id, { ship: true })
        await scan()
        const [mail] = await delayMails(order.id)
        expect(mail.data).toEqual(expect.objectContaining({ can_cancel: true, cancel_unavailable: null }))
        const [ticket] = await delayTickets(order.id)
        const read = async () => (await api.get(`/store/support-tickets/${ticket.id}`, { headers: alice.headers })).data.ticket
        expect((await read()).delay_choice).toEqual({ choice: null, options: ["wait", "cancel"], cancel_unavailable_reason: null })

        await ship(order.id)
        expect((await read()).delay_choice).toEqual({
          choice: null,
          options: ["wait"],
          cancel_unavailable_reason: expect.stringContaining("already shipped"),
        })
        // A ticket that is not about a delay carries no choice.
        const {
          data: { ticket: plain },
        } = await api.post("/store/support-tickets", { category: "other", subject: "A question", body: "Hello" }, { headers: alice.headers })
        const {
          data: { ticket: plainView },
        } = await api.get(`/store/support-tickets/${plain.id}`, { headers: alice.headers })
        expect(plainView.delay_choice).toBeUndefined()
      })
    })

    describe("recorded, not yet announced", () => {
      it("an incident left unannounced by a crash is announced by the next scan, once, even by two scans at once", async () => {
        const order = await placeWatched()
        await overdue(order.id, { ship: true })
        // The crash: the incident was recorded (the watch marked late) and nothing else happened.
        const { incident } = await watches().recordIncident({
          order_id: order.id,
          stage: "ship",
          cause: "not_shipped",
          new_estimate: new Date(Date.now() + 72 * HOUR),
        })
        expect(await delayTickets(order.id)).toHaveLength(0)

        const [a, b] = await Promise.all([scan(), scan()])
        expect(a.tickets_opened + b.tickets_opened).toEqual(1)
        expect(a.failed + b.failed).toEqual(0)
        const tickets = await delayTickets(order.id)
        expect(tickets.map((t: any) => t.idempotency_key)).toEqual([`delay:${order.id}:ship`])
        expect(await delayMails(order.id)).toHaveLength(1)
        const [announced] = await watches().listDelayIncidents({ id: incident.id })
        expect(announced).toEqual(expect.objectContaining({ ticket_id: tickets[0].id, announced_at: expect.anything() }))

        // The next scan announces nothing.
        expect(await scan()).toEqual(expect.objectContaining({ late: 0, tickets_opened: 0, failed: 0 }))
        expect(await delayMails(order.id)).toHaveLength(1)
        expect(await delayTickets(order.id)).toHaveLength(1)
      })
    })
  },
})
