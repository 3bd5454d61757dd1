import { z } from "@medusajs/framework/zod"

/**
 * `POST /admin/customers/:id/aftersales-erase`: `confirm: true` is required, so an empty or
 * mistaken call erases nothing.
 */
export const AdminEraseCustomerAftersales = z.strictObject({
  confirm: z.literal(true),
})
export type AdminEraseCustomerAftersalesType = z.infer<typeof AdminEraseCustomerAftersales>
