import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { fulfil, OrderLine, placeReturnableOrder } from "../fixtures"

jest.setTimeout(120 * 1000)

/**
 * The one return-request test that listens on the event bus of the process running it, so it
 * runs in the in-memory suite only (see jest.config.js): in the topology run that process is an
 * API server, which consumes no events. Everything else about return requests is in
 * return-requests.spec.ts, which runs in both.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    let shopper: { headers: Record<string, string>; customerId: string; email: string }
    let order: { id: string; created_at: string }
    let shirt: OrderLine
    let mug: OrderLine

    const request = (body: Record<string, unknown>, headers: Record<string, string>) =>
      api.post(`/store/orders/${order.id}/return-requests`, body, { headers })
    const returnsOfOrder = (adminHeaders: Record<string, string>) =>
      api
        .get(`/admin/returns?order_id=${order.id}&fields=id,status`, { headers: adminHeaders })
        .then((r: any) => r.data.returns)

    describe("POST /store/orders/:id/return-requests", () => {
      it("answers a replayed Idempotency-Key with the first request, emitting one event per request created", async () => {
        container = getContainer()
        const placed = await placeReturnableOrder(container, api)
        ;({ shopper, order, shirt, mug } = placed)
        await fulfil(container, order.id, [{ id: shirt.id, quantity: 2 }, { id: mug.id, quantity: 1 }], { delivered_days_ago: 1 })
        const events: any[] = []
        container.resolve(Modules.EVENT_BUS).subscribe("return_request.created", async (event: any) => {
          if (event.data?.order_id === order.id) {
            events.push(event.data)
          }
        })
        const body = { resolution: "refund", items: [{ id: shirt.id, quantity: 1 }] }
        const headers = { ...shopper.headers, "idempotency-key": "req-1" }
        const first = (await request(body, headers)).data.return_request
        const again = (await request(body, headers)).data.return_request
        expect(again.id).toEqual(first.id)
        expect(again.return.id).toEqual(first.return.id)

        const raced = await Promise.all([
          request({ resolution: "refund", items: [{ id: mug.id, quantity: 1 }] }, { ...shopper.headers, "idempotency-key": "req-2" }),
          request({ resolution: "refund", items: [{ id: mug.id, quantity: 1 }] }, { ...shopper.headers, "idempotency-key": "req-2" }),
        ])
        expect(raced.map((r: any) => r.status)).toEqual([200, 200])
        expect(raced[0].data.return_request.id).toEqual(raced[1].data.return_request.id)
        expect((await returnsOfOrder(placed.admin.headers)).length).toEqual(2)
        const records = await (container.resolve("return_rules") as any).listReturnRequests({ order_id: order.id })
        expect(records.length).toEqual(2)

        // One return_request.created per request created, none for the replays.
        for (let i = 0; i < 50 && events.length < 2; i++) {
          await new Promise((r) => setTimeout(r, 100))
        }
        await new Promise((r) => setTimeout(r, 300))
        expect(events.map((e) => e.id).sort()).toEqual(records.map((r: any) => r.id).sort())
        expect(events[0]).toEqual(
          expect.objectContaining({ order_id: order.id, customer_id: shopper.customerId, resolution: "refund", return_id: expect.stringMatching(/^return_/) })
        )
      })
    })
  },
})
