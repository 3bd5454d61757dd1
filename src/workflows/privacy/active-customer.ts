import { MedusaContainer } from "@medusajs/framework/types"
import { CustomerDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"

/**
 * Whether the customer exists and is not deleted. Core's `DELETE /admin/customers/:id` soft
 * deletes the customer but leaves their tokens valid until they expire: every plugin route and
 * workflow that acts for or on a customer asks this first.
 */
export async function isActiveCustomer(container: MedusaContainer, customerId: string): Promise<boolean> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id"],
    filters: { id: customerId },
  })
  return data.length > 0
}

/** Refuses (400, naming the customer) what would give something to a deleted customer. */
export async function assertActiveCustomer(
  container: MedusaContainer,
  customerId: string,
  what: string
): Promise<void> {
  if (!(await isActiveCustomer(container, customerId))) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Customer ${customerId} was deleted or does not exist: ${what} cannot be issued to them.`
    )
  }
}

/**
 * The customer, deleted or not (their after-sales data is kept by id until erased); NOT_FOUND
 * when the id never was a customer.
 */
export async function retrieveCustomerEvenDeleted(
  container: MedusaContainer,
  customerId: string
): Promise<CustomerDTO & { deleted_at?: Date | string | null }> {
  const [customer] = await container
    .resolve(Modules.CUSTOMER)
    .listCustomers({ id: customerId }, { withDeleted: true })
  if (!customer) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer with id ${customerId} was not found`)
  }
  return customer
}
