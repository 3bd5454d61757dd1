import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createHmac } from "crypto"
import { signCarrierBody } from "../../../src/api/hooks/aftersales/carrier/verify-signature"
import { renderNotification } from "../../../src/notifications/render"
import AftersalesSettingsService from "../../../src/modules/aftersales_settings/service"
import DelayWatchService from "../../../src/modules/delay_watch/service"
import { AftersalesModules } from "../../../src/types/modules"
import { runDelayScan } from "../../../src/workflows/delays"
import { createAdminUser } from "../../helpers/admin"
import { readUntil } from "../../helpers/eventually"
import { CommerceFixture, createCommerceFixture, placeOrder } from "../../helpers/commerce"
import { createShopper } from "../../helpers/store"

jest.setTimeout(120 * 1000)

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
const SECRET = "test-carrier-secret-0123456789"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let fixture: CommerceFixture
    let admin: { headers: Record<string, string> }
    let alice: Awaited<ReturnType<typeof createShopper>>
    let bob: Awaited<ReturnType<typeof createShopper>>

    const watches = () => getContainer().resolve<DelayWatchService>(AftersalesModules.DELAY_WATCH)
    const support = () => getContainer().resolve(AftersalesModules.SUPPORT) as any
    const notifications = () => getContainer().resolve(Modules.NOTIFICATION)
    const scan = () => runDelayScan(getContainer())

    beforeEach(async () => {
      const container = getContainer()
      fixture = await createCommerceFixture(container)
      admin = await createAdminUser(container, api)
      alice = await createShopper(api, fixture.publishableKey)
      bob = await createShopper(api, fixture.publishableKey)
      // The scheduled job scans only on the minutes that divide by this: keep it out of the way.
      const settings = container.resolve<AftersalesSettingsService>(AftersalesModules.SETTINGS)
      await settings.updateSettings({ delays: { scan_every_minutes: 1440 } })
    })

    /** Places an order as a storefront does and waits for its watch (started on order.placed). */
    async function placeWatched(shopper = alice, region: "eu" | "tr" = "eu") {
      const order = await placeOrder(api, fixture, shopper.headers, {
        region,
        items: [{ variant_id: fixture.variants.shirt_s, quantity: 1 }],
      })
      const watch = await readUntil(() => watches().retrieveWatchByOrder(order.id), (w) => !!w)
      expect(watch).not.toBeNull()
      return { order, watch: watch! }
    }

    /** Makes time pass: moves the watch's due dates into the past. */
    async function overdue(orderId: string, what: { ship?: boolean; deliver?: boolean }) {
      const watch = (await watches().retrieveWatchByOrder(orderId))!
      await watches().updateDelayWatches({
        id: watch.id,
        ...(what.ship ? { ship_by: new Date(Date.now() - HOUR) } : {}),
        ...(what.deliver ? { deliver_by: new Date(Date.now() - HOUR) } : {}),
      })
    }

    async function delayTickets(orderId: string) {
      return support().listSupportTickets({ order_id: orderId, category: "delay" })
    }

    /** Fulfils the whole order through the admin API; answers the fulfilment id. */
    async function fulfil(orderId: string) {
      const {
        data: { order },
      } = await api.get(`/admin/orders/${orderId}?fields=*items`, { headers: admin.headers })
      const items = order.items.map((i: any) => ({ id: i.id, quantity: i.quantity }))
      const {
        data: { order: after },
      } = await api.post(
        `/admin/orders/${orderId}/fulfillments?fields=*fulfillments`,
        { items, location_id: fixture.stockLocationId },
        { headers: admin.headers }
      )
      return { fulfillmentId: after.fulfillments[0].id as string, items }
    }

    async function ship(orderId: string, trackingNumber = `TRK-${orderId.slice(-8)}`) {
      const { fulfillmentId, items } = await fulfil(orderId)
      await api.post(
        `/admin/orders/${orderId}/fulfillments/${fulfillmentId}/shipments`,
        {
          items,
          labels: [{ tracking_number: trackingNumber, tracking_url: "https://track.example.com/1", label_url: "https://track.example.com/l" }],
        },
        { headers: admin.headers }
      )
      await readUntil(() => watches().retrieveWatchByOrder(orderId), (w) => !!w?.shipped_at)
      return { fulfillmentId, trackingNumber }
    }

    async function deliver(orderId: string, fulfillmentId: string) {
      await api.post(`/admin/orders/${orderId}/fulfillments/${fulfillmentId}/mark-as-delivered`, {}, { headers: admin.headers })
      await readUntil(() => watches().retrieveWatchByOrder(orderId), (w) => w?.status === "closed")
    }

    describe("the promise on order.placed", () => {
      it("uses the shipping option's own promise and is readable with the order", async () => {
        await api.post(
          "/admin/aftersales/settings",
          { delays: { per_shipping_option: { [fixture.shippingOptionId]: { ship_within_hours: 4, deliver_within_days: 2 } } } },
          { headers: admin.headers }
        )
        const { order, watch } = await placeWatched()
        const placed = new Date(watch.placed_at).getTime()
        expect(new Date(watch.ship_by).getTime() - placed).toEqual(4 * HOUR)
        expect(new Date(watch.deliver_by).getTime() - placed).toEqual(2 * DAY)
        expect(watch).toEqual(
          expect.objectContaining({
            order_id: order.id,
            customer_id: alice.customerId,
            shipping_option_id: fixture.shippingOptionId,
            status: "open",
            late_stage: null,
          })
        )
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const {
          data: [withWatch],
        } = await query.graph({ entity: "order", fields: ["id", "delay_watch.*"], filters: { id: order.id } })
        expect((withWatch as any).delay_watch).toEqual(expect.objectContaining({ id: watch.id, status: "open" }))
      })
    })

    describe("the delay-scan job", () => {
      it("opens one proactive ticket for an order not shipped in time and tells the customer first, in Turkish for a TRY order", async () => {
        const { order } = await placeWatched(alice, "tr")
        const { order: onTime } = await placeWatched(bob)
        await overdue(order.id, { ship: true })

        // Two runs at once, then a third: still one ticket.
        const [a, b] = await Promise.all([scan(), scan()])
        const c = await scan()
        expect(a.tickets_opened + b.tickets_opened + c.tickets_opened).toEqual(1)
        expect(c).toEqual(expect.objectContaining({ enabled: true, late: 0, tickets_opened: 0, failed: 0 }))

        const tickets = await delayTickets(order.id)
        expect(tickets).toHaveLength(1)
        expect(tickets[0]).toEqual(
          expect.objectContaining({
            customer_id: alice.customerId,
            category: "delay",
            source: "proactive",
            priority: "high",
            status: "open",
            idempotency_key: `delay:${order.id}:ship`,
          })
        )
        expect(await delayTickets(onTime.id)).toHaveLength(0)

        const mails = await notifications().listNotifications({ template: "aftersales.delays.detected", resource_id: order.id } as any)
        expect(mails).toHaveLength(1)
        expect(mails[0].to).toEqual(alice.email)
        expect((mails[0].data as any).locale).toEqual("tr")
        expect(mails[0].data).toEqual(
          expect.objectContaining({ cause: "not_shipped", stage: "ship", can_cancel: true, order_number: order.display_id })
        )
        // What the provider renders from it: the apology in Turkish, with the cause.
        const rendered = renderNotification("aftersales.delays.detected", "tr", mails[0].data as Record<string, unknown>)
        expect(rendered.subject).toContain("gecikiyor")
        expect(rendered.text).toContain("depomuzdan")

        const watch = await watches().retrieveWatchByOrder(order.id)
        expect(watch).toEqual(expect.objectContaining({ late_stage: "ship", status: "open" }))
        const [incident] = await watches().listDelayIncidents({ order_id: order.id })
        expect(incident).toEqual(expect.objectContaining({ stage: "ship", cause: "not_shipped", ticket_id: tickets[0].id }))
        // The new estimate is in the future and never before the old promise.
        expect(new Date(incident.new_estimate).getTime()).toBeGreaterThan(Date.now() + DAY)

        // The shopper sees it in their account, with the apology as its first message.
        const {
          data: { ticket },
        } = await api.get(`/store/support-tickets/${tickets[0].id}`, { headers: alice.headers })
        expect(ticket).toEqual(expect.objectContaining({ id: tickets[0].id, category: "delay", order_id: order.id }))
        expect(ticket.messages[0].body).toContain("depomuzdan")
      })

      it("records a page of late orders at once: two scans at once still give one ticket and one email per order", async () => {
        const placed = [await placeWatched(alice), await placeWatched(bob), await placeWatched(alice, "tr")]
        for (const { order } of placed) {
          await overdue(order.id, { ship: true })
        }
        // Pages of two: the three incidents are recorded in two transactions per run.
        const run = () => runDelayScan(getContainer(), { page_size: 2 })
        const [a, b] = await Promise.all([run(), run()])
        expect(a.tickets_opened + b.tickets_opened).toEqual(3)
        expect(a.failed + b.failed).toEqual(0)
        expect(await scan()).toEqual(expect.objectContaining({ late: 0, tickets_opened: 0, failed: 0 }))

        for (const { order } of placed) {
          const tickets = await delayTickets(order.id)
          expect(tickets.map((t: any) => t.idempotency_key)).toEqual([`delay:${order.id}:ship`])
          const mails = await notifications().listNotifications({ template: "aftersales.delays.detected", resource_id: order.id } as any)
          expect(mails).toHaveLength(1)
          const incidents = await watches().listDelayIncidents({ order_id: order.id })
          expect(incidents).toEqual([expect.objectContaining({ stage: "ship", cause: "not_shipped", ticket_id: tickets[0].id })])
          expect(await watches().retrieveWatchByOrder(order.id)).toEqual(expect.objectContaining({ late_stage: "ship" }))
        }
      })

      it("counts the right stage only: shipped late but delivered in time, delivered, and not delivered in time", async () => {
        // Late to ship (found), then shipped and delivered before its delivery date: ship stage only.
        const { order: lateShip } = await placeWatched()
        await overdue(lateShip.id, { ship: true })
        expect((await scan()).tickets_opened).toEqual(1)
        const shipped = await ship(lateShip.id)
        await deliver(lateShip.id, shipped.fulfillmentId)

        // Shipped after its ship-by date with no scan in between, then delivered: nothing.
        const { order: delivered } = await placeWatched(bob)
        await overdue(delivered.id, { ship: true })
        const d = await ship(delivered.id)
        await deliver(delivered.id, d.fulfillmentId)
        await overdue(delivered.id, { deliver: true })

        // Shipped in time but not delivered in time: the delivery stage.
        const { order: stuck } = await placeWatched(bob)
        await ship(stuck.id)
        await overdue(stuck.id, { deliver: true })

        const result = await scan()
        expect(result).toEqual(expect.objectContaining({ late: 1, late_by_stage: { ship: 0, deliver: 1 }, tickets_opened: 1 }))
        expect((await delayTickets(lateShip.id)).map((t: any) => t.idempotency_key)).toEqual([`delay:${lateShip.id}:ship`])
        expect(await delayTickets(delivered.id)).toHaveLength(0)
        expect((await delayTickets(stuck.id)).map((t: any) => t.idempotency_key)).toEqual([`delay:${stuck.id}:deliver`])
        const [incident] = await watches().listDelayIncidents({ order_id: stuck.id })
        expect(incident).toEqual(expect.objectContaining({ stage: "deliver", cause: "not_delivered" }))
        expect((await scan()).tickets_opened).toEqual(0)
      })

      it("keeps the incident recorded when announcing it fails, and the next run announces it once", async () => {
        const { order } = await placeWatched()
        await overdue(order.id, { ship: true })
        // Force a failure mid-announcement: the ticket cannot be written this once.
        const failOnce = jest
          .spyOn(support(), "createSupportTickets")
          .mockRejectedValueOnce(new Error("forced failure while opening the ticket"))
        const result = await scan()
        failOnce.mockRestore()
        expect(result).toEqual(expect.objectContaining({ late: 1, recorded: 1, announced: 0, tickets_opened: 0, failed: 1 }))
        // Recorded, not announced: no ticket, no email, and the watch stays out of the late search.
        const [incident] = await watches().listDelayIncidents({ order_id: order.id })
        expect(incident).toEqual(expect.objectContaining({ stage: "ship", announced_at: null, ticket_id: null }))
        expect(await delayTickets(order.id)).toHaveLength(0)
        expect(await notifications().listNotifications({ resource_id: order.id } as any)).toHaveLength(0)

        expect(await scan()).toEqual(expect.objectContaining({ late: 0, announced: 1, tickets_opened: 1, failed: 0 }))
        const tickets = await delayTickets(order.id)
        expect(tickets).toHaveLength(1)
        expect(await notifications().listNotifications({ template: "aftersales.delays.detected", resource_id: order.id } as any)).toHaveLength(1)
        const [announced] = await watches().listDelayIncidents({ order_id: order.id })
        expect(announced).toEqual(expect.objectContaining({ id: incident.id, ticket_id: tickets[0].id, announced_at: expect.anything() }))
        expect(await scan()).toEqual(expect.objectContaining({ late: 0, announced: 0, tickets_opened: 0, failed: 0 }))
      })

      it("does nothing while delays are switched off", async () => {
        const { order } = await placeWatched()
        await overdue(order.id, { ship: true })
        await api.post("/admin/aftersales/settings", { delays: { enabled: false } }, { headers: admin.headers })
        expect(await scan()).toEqual(expect.objectContaining({ enabled: false, late: 0, tickets_opened: 0 }))
        expect(await delayTickets(order.id)).toHaveLength(0)
      })
    })

    describe("POST /store/support-tickets/:id/delay-choice", () => {
      /** An order of alice, late to ship, with its proactive ticket. */
      async function lateOrderWithTicket(capture = false) {
        const { order } = await placeWatched()
        if (capture) {
          const {
            data: { order: full },
          } = await api.get(`/admin/orders/${order.id}?fields=*payment_collections.payments`, { headers: admin.headers })
          const payment = full.payment_collections[0].payments[0]
          await api.post(`/admin/payments/${payment.id}/capture`, {}, { headers: admin.headers })
        }
        await overdue(order.id, { ship: true })
        await scan()
        const [ticket] = await delayTickets(order.id)
        return { order, ticketId: ticket.id as string }
      }

      it("cancel: cancels the unshipped order and refunds its captured payment, once", async () => {
        const { order, ticketId } = await lateOrderWithTicket(true)
        const [first, second] = await Promise.all([
          api.post(`/store/support-tickets/${ticketId}/delay-choice`, { choice: "cancel" }, { headers: alice.headers }),
          api.post(`/store/support-tickets/${ticketId}/delay-choice`, { choice: "cancel" }, { headers: alice.headers }),
        ])
        for (const res of [first, second]) {
          expect(res.status).toEqual(200)
          expect(res.data.delay_choice).toEqual({
            ticket_id: ticketId,
            order_id: order.id,
            choice: "cancel",
            order_canceled: true,
            gesture_id: null,
          })
        }
        const {
          data: { order: after },
        } = await api.get(
          `/admin/orders/${order.id}?fields=status,total,*payment_collections.payments.refunds`,
          { headers: admin.headers }
        )
        expect(after.status).toEqual("canceled")
        const refunds = after.payment_collections[0].payments.flatMap((p: any) => p.refunds)
        // Refunded once, in full, by Medusa's own cancel workflow.
        expect(refunds).toHaveLength(1)
        expect(Number(refunds[0].amount)).toEqual(Number(order.total))
        expect(Number(order.total)).toEqual(60)
        await readUntil(() => watches().retrieveWatchByOrder(order.id), (w) => w?.status === "closed")
        const [incident] = await watches().listDelayIncidents({ order_id: order.id })
        expect(incident.choice).toEqual("cancel")

        const wait = await api
          .post(`/store/support-tickets/${ticketId}/delay-choice`, { choice: "wait" }, { headers: alice.headers })
          .catch((e: any) => e.response)
        expect(wait.status).toEqual(400)
        expect(wait.data).toEqual({ type: "not_allowed", message: expect.stringContaining(order.id) })
      })

      it("cancel: voids the authorized payment of an unshipped order", async () => {
        const { order, ticketId } = await lateOrderWithTicket(false)
        const res = await api.post(`/store/support-tickets/${ticketId}/delay-choice`, { choice: "cancel" }, { headers: alice.headers })
        expect(res.data.delay_choice.order_canceled).toBe(true)
        const {
          data: { order: after },
        } = await api.get(`/admin/orders/${order.id}?fields=status,*payment_collections.payments`, { headers: admin.headers })
        expect(after.status).toEqual("canceled")
        expect(after.payment_collections[0].payments[0].canceled_at).not.toBeNull()
      })

      it("cancel: refused once the order has shipped, and nothing changes", async () => {
        const { order, ticketId } = await lateOrderWithTicket(false)
        await ship(order.id)
        const res = await api
          .post(`/store/support-tickets/${ticketId}/delay-choice`, { choice: "cancel" }, { headers: alice.headers })
          .catch((e: any) => e.response)
        expect(res.status).toEqual(400)
        expect(res.data).toEqual({ type: "not_allowed", message: expect.stringContaining("already shipped") })
        const {
          data: { order: after },
        } = await api.get(`/admin/orders/${order.id}?fields=status`, { headers: admin.headers })
        expect(after.status).not.toEqual("canceled")
        const [incident] = await watches().listDelayIncidents({ order_id: order.id })
        expect(incident.choice).toBeNull()
      })

      it("wait: recorded with the delay gesture by policy, once even when sent twice at once", async () => {
        const { order, ticketId } = await lateOrderWithTicket(false)
        const [first, second] = await Promise.all([
          api.post(`/store/support-tickets/${ticketId}/delay-choice`, { choice: "wait" }, { headers: alice.headers }),
          api.post(`/store/support-tickets/${ticketId}/delay-choice`, { choice: "wait" }, { headers: alice.headers }),
        ])
        const gestureId = first.data.delay_choice.gesture_id
        expect(gestureId).toEqual(expect.any(String))
        expect(second.data.delay_choice.gesture_id).toEqual(gestureId)
        expect(first.data.delay_choice).toEqual(expect.objectContaining({ choice: "wait", order_canceled: false }))
        const gestures = await (getContainer().resolve(AftersalesModules.GESTURES) as any).listGestures({
          customer_id: alice.customerId,
        })
        expect(gestures).toHaveLength(1)
        expect(gestures[0]).toEqual(expect.objectContaining({ id: gestureId, kind: "percentage", order_id: order.id }))
        const {
          data: { order: after },
        } = await api.get(`/admin/orders/${order.id}?fields=status`, { headers: admin.headers })
        expect(after.status).toEqual("pending")
      })

      it("answers 401 anonymous, 404 for another shopper's ticket, 400 for a bad body or a ticket with no delay", async () => {
        const { ticketId } = await lateOrderWithTicket(false)
        const url = `/store/support-tickets/${ticketId}/delay-choice`
        const anonymous = await api
          .post(url, { choice: "wait" }, { headers: { "x-publishable-api-key": fixture.publishableKey } })
          .catch((e: any) => e.response)
        expect(anonymous.status).toEqual(401)

        const other = await api.post(url, { choice: "cancel" }, { headers: bob.headers }).catch((e: any) => e.response)
        expect(other.status).toEqual(404)
        expect(other.data).toEqual({ type: "not_found", message: expect.stringContaining(ticketId) })

        const badBodies: [Record<string, unknown>, string][] = [
          [{}, "choice"],
          [{ choice: "refund" }, "choice"],
          [{ choice: "wait", extra: 1 }, "extra"],
        ]
        for (const [body, named] of badBodies) {
          const bad = await api.post(url, body, { headers: alice.headers }).catch((e: any) => e.response)
          expect(bad.status).toEqual(400)
          expect(bad.data).toEqual({ type: "invalid_data", message: expect.stringContaining(named) })
        }

        const {
          data: { ticket: plain },
        } = await api.post(
          "/store/support-tickets",
          { category: "other", subject: "A question", body: "Hello" },
          { headers: alice.headers }
        )
        const notDelay = await api
          .post(`/store/support-tickets/${plain.id}/delay-choice`, { choice: "wait" }, { headers: alice.headers })
          .catch((e: any) => e.response)
        expect(notDelay.status).toEqual(400)
        expect(notDelay.data).toEqual({ type: "not_allowed", message: expect.stringContaining("no delay choice") })
        const [incident] = await watches().listDelayIncidents({ ticket_id: ticketId })
        expect(incident.choice).toBeNull()
      })
    })

    describe("POST /hooks/aftersales/carrier", () => {
      const nowSeconds = () => Math.floor(Date.now() / 1000)

      /**
       * The header as the README tells a carrier to compute it, written here from the documented
       * scheme rather than from the plugin's helper: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">.
       */
      function timestamped(body: string, { secret = SECRET, at = nowSeconds() }: { secret?: string; at?: number } = {}) {
        return `t=${at},v1=${createHmac("sha256", secret).update(`${at}.${body}`).digest("hex")}`
      }

      /** Sends a body exactly as given, with the signature header given (none when null). */
      function report(body: string, signature: string | null = timestamped(body)) {
        const headers: Record<string, string> = { "content-type": "application/json" }
        if (signature !== null) {
          headers["x-aftersales-signature"] = signature
        }
        return api.post("/hooks/aftersales/carrier", body, { headers, transformRequest: [(d: any) => d] }).catch((e: any) => e.response)
      }

      async function delayMails(orderId: string) {
        return notifications().listNotifications({ template: "aftersales.delays.detected", resource_id: orderId } as any)
      }

      /** Nothing of a delay reached the order or its shopper: no incident, ticket, email, gesture. */
      async function expectNothingOpened(orderId: string, shopper = alice) {
        expect(await watches().listDelayIncidents({ order_id: orderId })).toHaveLength(0)
        expect(await delayTickets(orderId)).toHaveLength(0)
        expect(await delayMails(orderId)).toHaveLength(0)
        const { data: tickets } = await api.get("/store/support-tickets", { headers: shopper.headers })
        expect(tickets.tickets.filter((t: any) => t.order_id === orderId)).toEqual([])
        // With no ticket there is no delay choice to make, so no "wait" gesture can follow.
        const { data: gestures } = await api.get("/store/gestures", { headers: shopper.headers })
        expect(gestures.gestures).toEqual([])
      }

      it("opens one carrier ticket on a signed report, and a replay opens nothing new", async () => {
        const { order } = await placeWatched()
        const { trackingNumber } = await ship(order.id)
        // Spacing and key order as the carrier sent them: the signature covers these bytes.
        const body = `{ "exception": "customs",  "tracking_number": "${trackingNumber}", "event_id": "evt_1" }`
        const first = await report(body)
        expect(first.status).toEqual(200)
        expect(first.data).toEqual({
          received: true,
          order_id: order.id,
          incident_id: expect.stringMatching(/^dlyi_/),
          created: true,
          ticket_id: expect.stringMatching(/^stkt_/),
          ignored: null,
        })
        // The same event again (a carrier's retry, or a capture replayed within the tolerance).
        const replay = await report(body)
        expect(replay.status).toEqual(200)
        expect(replay.data).toEqual({ ...first.data, created: false })

        const tickets = await delayTickets(order.id)
        expect(tickets).toHaveLength(1)
        expect(tickets[0].idempotency_key).toEqual(`delay:${order.id}:carrier`)
        const mails = await delayMails(order.id)
        expect(mails).toHaveLength(1)
        expect(mails[0].data).toEqual(expect.objectContaining({ stage: "carrier", cause: "customs", can_cancel: false, locale: "en" }))
        expect(await watches().retrieveWatchByOrder(order.id)).toEqual(expect.objectContaining({ late_stage: "carrier" }))
      })

      it("signs with the plugin's helper exactly as the README documents", async () => {
        const body = JSON.stringify({ tracking_number: "TRK-1", exception: "lost" })
        expect(signCarrierBody(SECRET, body, 1700000000)).toEqual(timestamped(body, { at: 1700000000 }))
      })

      it("refuses a stale, future, bare-hex, tampered or garbled signature with 401 and opens nothing", async () => {
        const { order } = await placeWatched()
        const { trackingNumber } = await ship(order.id)
        const body = JSON.stringify({ tracking_number: trackingNumber, exception: "lost" })
        const bareHex = createHmac("sha256", SECRET).update(body).digest("hex")
        const fresh = timestamped(body)
        const [, freshDigest] = fresh.split(",v1=")
        const refused: [string, string | null, string][] = [
          ["ten minutes old", timestamped(body, { at: nowSeconds() - 600 }), body],
          ["ten minutes ahead", timestamped(body, { at: nowSeconds() + 600 }), body],
          ["the old bare hex", bareHex, body],
          ["the old sha256= form", `sha256=${bareHex}`, body],
          ["a fresh time on an old digest", `t=${nowSeconds()},v1=${bareHex}`, body],
          ["a tampered body", fresh, body.replace('"lost"', '"customs"')],
          ["re-spaced bytes", fresh, `${body} `],
          ["another secret", timestamped(body, { secret: "another-secret-0123456789" }), body],
          ["no header", null, body],
          ["an empty header", "", body],
          ["no time", `v1=${freshDigest}`, body],
          ["no digest", `t=${nowSeconds()}`, body],
          ["a time that is not a number", `t=soon,v1=${freshDigest}`, body],
          ["a huge time", `t=99999999999999999999,v1=${freshDigest}`, body],
          ["a digest that is not hex", `t=${nowSeconds()},v1=${"z".repeat(64)}`, body],
          ["a short digest", `t=${nowSeconds()},v1=abcd`, body],
          ["two times", `${fresh},t=${nowSeconds()}`, body],
          ["garbage", "=,,=t", body],
        ]
        for (const [what, signature, sent] of refused) {
          const res = await report(sent, signature)
          expect({ what, status: res.status }).toEqual({ what, status: 401 })
          expect(res.data).toEqual({ type: "unauthorized", message: expect.any(String) })
        }
        await expectNothingOpened(order.id)

        // The same body with a fresh time is accepted: the refusals above were the signature's.
        const accepted = await report(body, timestamped(body))
        expect(accepted.status).toEqual(200)
        expect(accepted.data).toEqual(expect.objectContaining({ created: true, ignored: null }))
        // A time a little off (a carrier's clock, a queue) is within the five minutes' tolerance.
        const skewed = await report(body, timestamped(body, { at: nowSeconds() - 120 }))
        expect(skewed.status).toEqual(200)
      })

      it("refuses an unknown tracking number (404) and a malformed body (400)", async () => {
        const { order } = await placeWatched()
        const { trackingNumber, fulfillmentId } = await ship(order.id)

        const unknown = await report(JSON.stringify({ tracking_number: "NOPE-123", exception: "lost" }))
        expect(unknown.status).toEqual(404)
        expect(unknown.data).toEqual({ type: "not_found", message: expect.stringContaining("NOPE-123") })

        const malformed = await report(`{"tracking_number": "${trackingNumber}", "exception": `)
        expect(malformed.status).toEqual(400)
        expect(malformed.data).toEqual({ type: "invalid_data", message: expect.any(String) })
        for (const invalid of [
          { tracking_number: trackingNumber, exception: "stolen" },
          { exception: "lost" },
          { tracking_number: trackingNumber, exception: "lost", occurred_at: "yesterday" },
        ]) {
          const res = await report(JSON.stringify(invalid))
          expect(res.status).toEqual(400)
          expect(res.data.type).toEqual("invalid_data")
        }
        expect(await delayTickets(order.id)).toHaveLength(0)

        // By fulfilment id, signed: accepted.
        const byFulfillment = await report(JSON.stringify({ fulfillment_id: fulfillmentId, exception: "failed_attempt" }))
        expect(byFulfillment.status).toEqual(200)
        expect(byFulfillment.data.created).toBe(true)
      })

      it("ignores a report for a delivered order: 200 created false, no incident, ticket, email or gesture", async () => {
        const { order } = await placeWatched()
        const { trackingNumber, fulfillmentId } = await ship(order.id)
        await deliver(order.id, fulfillmentId)
        const res = await report(JSON.stringify({ tracking_number: trackingNumber, exception: "lost", event_id: "evt_late" }))
        expect(res.status).toEqual(200)
        expect(res.data).toEqual({
          received: true,
          order_id: order.id,
          incident_id: null,
          created: false,
          ticket_id: null,
          ignored: "watch_closed",
        })
        // Sent again, still nothing.
        const again = await report(JSON.stringify({ tracking_number: trackingNumber, exception: "lost", event_id: "evt_late" }))
        expect(again.data).toEqual(res.data)
        await expectNothingOpened(order.id)
        expect(await watches().retrieveWatchByOrder(order.id)).toEqual(
          expect.objectContaining({ status: "closed", late_stage: null, carrier_exception_at: null })
        )
      })

      it("ignores a report for a canceled order", async () => {
        const { order } = await placeWatched()
        const { fulfillmentId } = await fulfil(order.id)
        await api.post(`/admin/orders/${order.id}/fulfillments/${fulfillmentId}/cancel`, {}, { headers: admin.headers })
        await api.post(`/admin/orders/${order.id}/cancel`, {}, { headers: admin.headers })
        await readUntil(() => watches().retrieveWatchByOrder(order.id), (w) => w?.status === "closed")
        const res = await report(JSON.stringify({ fulfillment_id: fulfillmentId, exception: "customs" }))
        expect(res.status).toEqual(200)
        expect(res.data).toEqual(expect.objectContaining({ created: false, incident_id: null, ignored: "watch_closed" }))
        await expectNothingOpened(order.id)
      })

      it("ignores a report dated before the goods' last movement, in 2020, or in the future; a current one still opens the ticket", async () => {
        const { order } = await placeWatched()
        const { trackingNumber } = await ship(order.id)
        // Placed two days ago, shipped now: a minute before the shipment is after the order.
        const placed = (await watches().retrieveWatchByOrder(order.id))!
        await watches().updateDelayWatches({ id: placed.id, placed_at: new Date(Date.now() - 2 * DAY) })
        const watch = (await watches().retrieveWatchByOrder(order.id))!
        const shippedAt = new Date(watch.shipped_at!).getTime()
        const dated = (occurred_at: string, exception = "lost") =>
          report(JSON.stringify({ tracking_number: trackingNumber, exception, occurred_at }))

        const cases: [string, string][] = [
          // Lost before it was even handed over: a story about an older state of the parcel.
          [new Date(shippedAt - 60 * 1000).toISOString(), "before_last_movement"],
          // Before the order existed (the reported defect: a captured 2020 body).
          ["2020-03-01T10:00:00Z", "before_order"],
          ["2020-03-01T13:00:00+03:00", "before_order"],
          // A day ahead: beyond any clock tolerance.
          [new Date(Date.now() + DAY).toISOString(), "in_future"],
        ]
        for (const [occurredAt, reason] of cases) {
          const res = await dated(occurredAt)
          expect({ occurredAt, status: res.status, data: res.data }).toEqual({
            occurredAt,
            status: 200,
            data: { received: true, order_id: order.id, incident_id: null, created: false, ticket_id: null, ignored: reason },
          })
        }
        await expectNothingOpened(order.id)
        expect(await watches().retrieveWatchByOrder(order.id)).toEqual(
          expect.objectContaining({ status: "open", late_stage: null, carrier_exception_at: null, deliver_by: watch.deliver_by })
        )

        // After the shipment and not in the future: a real exception, one ticket.
        const current = await dated(new Date().toISOString(), "customs")
        expect(current.status).toEqual(200)
        expect(current.data).toEqual(expect.objectContaining({ created: true, ignored: null, ticket_id: expect.stringMatching(/^stkt_/) }))
        expect(await delayTickets(order.id)).toHaveLength(1)
      })
    })
  },
})
