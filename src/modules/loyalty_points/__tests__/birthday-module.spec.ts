import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import { AftersalesModules } from "../../../types/modules"
import LoyaltyPointsService from "../service"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<LoyaltyPointsService>({
  moduleName: AftersalesModules.LOYALTY_POINTS,
  resolve: path.join(__dirname, ".."),
  testSuite: ({ service }) => {
    describe("recordBirthday", () => {
      it("treats the first entry as no change, a different value as one, the same value as nothing", async () => {
        const first = await service.recordBirthday("cus_b1", "03-05")
        expect(first).toEqual({ birthday: "03-05", birthday_changed_at: null, changed: false })
        const same = await service.recordBirthday("cus_b1", "03-05")
        expect(same.changed).toBe(false)
        const at = new Date("2026-06-01T10:00:00Z")
        const moved = await service.recordBirthday("cus_b1", "11-22", at)
        expect(moved).toEqual({ birthday: "11-22", birthday_changed_at: at, changed: true })
        // Removing it and entering it again is a change too: no free first entry twice.
        await service.recordBirthday("cus_b1", null, at)
        const back = await service.recordBirthday("cus_b1", "11-23", at)
        expect(back.changed).toBe(true)
        const [account] = await service.listLoyaltyAccounts({ customer_id: "cus_b1" })
        expect(account).toEqual(expect.objectContaining({ birthday: "11-23", balance: 0 }))
      })

      it("refuses what is not MM-DD, and lists accounts by birthday in keyset pages", async () => {
        await expect(service.recordBirthday("cus_b2", "1990-03-05")).rejects.toThrow("MM-DD")
        await expect(service.recordBirthday("cus_b2", "02-30")).rejects.toThrow("MM-DD")
        for (const id of ["cus_k1", "cus_k2", "cus_k3"]) {
          await service.recordBirthday(id, "07-14")
        }
        await service.recordBirthday("cus_k4", "07-15")
        const page1 = await service.listBirthdayAccounts(["07-14"], { limit: 2 })
        const page2 = await service.listBirthdayAccounts(["07-14"], { limit: 2, afterId: page1[1].id })
        expect([...page1, ...page2].map((a) => a.customer_id).sort()).toEqual(["cus_k1", "cus_k2", "cus_k3"])
        expect(page2).toHaveLength(1)
        expect((await service.listBirthdayAccounts(["07-14", "07-15"])).length).toEqual(4)
      })
    })
  },
})
