import { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError, Modules } from "@medusajs/framework/utils"

/** 404 for an unknown customer id, before anything is read or written for it. */
export async function assertCustomerExists(container: MedusaContainer, id: string) {
  const [customer] = await container.resolve(Modules.CUSTOMER).listCustomers({ id }, { select: ["id"] })
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id: ${id} was not found`)
  }
}
