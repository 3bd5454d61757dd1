import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import path from "path"
import { AftersalesModules } from "../../../types/modules"
import validateOptionsLoader from "../loaders/validate-options"
import AftersalesSettingsService from "../service"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<AftersalesSettingsService>({
  moduleName: AftersalesModules.SETTINGS,
  resolve: path.join(__dirname, ".."),
  moduleOptions: { loyalty: { pending_days: 21 } },
  testSuite: ({ service }) => {
    it("answers the option defaults merged over the built-in ones", async () => {
      const settings = await service.getSettings()
      expect(settings.loyalty.pending_days).toEqual(21)
      expect(settings.loyalty.min_redeem_points).toEqual(100)
    })

    it("stores a patch, merges per section and restores a snapshot exactly", async () => {
      const before = await service.getStoredPatch()
      expect(before).toEqual({})
      await service.updateSettings({ delays: { ship_within_hours: 24 } })
      await service.updateSettings({ delays: { deliver_within_days: 3 } })
      const settings = await service.getSettings()
      expect(settings.delays).toEqual(
        expect.objectContaining({ ship_within_hours: 24, deliver_within_days: 3, enabled: true })
      )
      await service.restoreStoredPatch(before)
      expect(await service.getStoredPatch()).toEqual({})
      expect((await service.getSettings()).delays.ship_within_hours).toEqual(48)
    })

    it("records who changed a section, touches no other section, and restores who it was", async () => {
      await service.updateSettings({ support: { reopen_days: 9 } }, "user_a")
      const first = await service.getAudit()
      expect(first).toEqual({
        loyalty: null,
        gestures: null,
        support: { updated_by: "user_a", updated_at: expect.any(Date) },
        returns: null,
        delays: null,
      })
      const snapshot = { patch: await service.getStoredPatch(), audit: first }

      await service.updateSettings({ delays: { ship_within_hours: 24 }, support: { reopen_days: 3 } }, "user_b")
      await service.updateSettings({ delays: { deliver_within_days: 3 } }, "user_c")
      const second = await service.getAudit()
      expect(second.support).toEqual({ updated_by: "user_b", updated_at: expect.any(Date) })
      expect(second.delays).toEqual({ updated_by: "user_c", updated_at: expect.any(Date) })
      expect(second.loyalty).toBeNull()

      await service.restoreStoredPatch(snapshot.patch, snapshot.audit)
      expect(await service.getStoredPatch()).toEqual({ support: { reopen_days: 9 } })
      expect(await service.getAudit()).toEqual({ ...first, support: { ...first.support, updated_at: expect.any(Date) } })
    })

    it("refuses an invalid patch and stores nothing", async () => {
      await expect(service.updateSettings({ loyalty: { tiers: [{ name: "" }] } })).rejects.toThrow(
        /loyalty\.tiers\.0/
      )
      expect(await service.getStoredPatch()).toEqual({})
    })
  },
})

describe("the module's options loader", () => {
  it("stops the boot with a message naming the option", async () => {
    await expect(
      validateOptionsLoader({ options: { loyalty: { max_redeem_share: 3 } } } as any)
    ).rejects.toThrow(/invalid plugin options: loyalty\.max_redeem_share: .*<=1/)
  })

  it("accepts the options Medusa adds of its own", async () => {
    await expect(
      validateOptionsLoader({ options: { database: { clientUrl: "x" } } } as any)
    ).resolves.toBeUndefined()
  })
})
