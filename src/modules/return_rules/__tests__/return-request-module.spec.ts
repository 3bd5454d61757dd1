import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import { AftersalesModules } from "../../../types/modules"
import ReturnRulesModuleService from "../service"

jest.setTimeout(60 * 1000)

const request = (patch: Record<string, unknown> = {}) => ({
  order_id: "order_1",
  customer_id: "cus_1",
  idempotency_key: "key-1",
  resolution: "refund" as const,
  items: [{ id: "ordli_1", quantity: 1 }] as unknown as Record<string, unknown>,
  currency_code: "eur",
  ...patch,
})

moduleIntegrationTestRunner<ReturnRulesModuleService>({
  moduleName: AftersalesModules.RETURN_RULES,
  resolve: path.join(__dirname, ".."),
  testSuite: ({ service }) => {
    it("records a request with a prefixed id, money as a big number and the Medusa ids", async () => {
      const created = await service.createReturnRequests(request({ bonus_amount: 2.5, resolution: "exchange" }))
      expect(created).toEqual(
        expect.objectContaining({ id: expect.stringMatching(/^retreq_/), keep_item: false, exchange_id: null, return_id: null })
      )
      await service.updateReturnRequests({ id: created.id, exchange_id: "oexc_1", return_id: "return_1" })
      const [read] = await service.listReturnRequests({ order_id: "order_1" })
      expect(read).toEqual(expect.objectContaining({ exchange_id: "oexc_1", return_id: "return_1" }))
      expect(Number(read.bonus_amount)).toEqual(2.5)
    })

    it("keeps an idempotency key unique per customer, so a replay cannot create a second request", async () => {
      await service.createReturnRequests(request())
      await expect(service.createReturnRequests(request())).rejects.toThrow()
      // Another customer may use the same key.
      await service.createReturnRequests(request({ customer_id: "cus_2" }))
      expect(await service.listReturnRequests({ idempotency_key: "key-1" })).toHaveLength(2)
    })

    it("frees the key when a failed request's record is deleted by compensation", async () => {
      const first = await service.createReturnRequests(request())
      await service.deleteReturnRequests(first.id)
      const again = await service.createReturnRequests(request())
      expect(again.id).not.toEqual(first.id)
    })
  },
})
