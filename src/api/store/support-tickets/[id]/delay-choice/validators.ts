import { z } from "@medusajs/framework/zod"
import { DELAY_CHOICES } from "../../../../../modules/delay_watch/types"

/** `{ choice: "wait" | "cancel" }`, nothing else. */
export const StoreChooseDelayOption = z.strictObject({
  choice: z.enum(DELAY_CHOICES),
})
export type StoreChooseDelayOptionType = z.infer<typeof StoreChooseDelayOption>
