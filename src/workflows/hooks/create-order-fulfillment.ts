import { createOrderFulfillmentWorkflow } from "@medusajs/medusa/core-flows"
import { assertExchangeItemsPaid } from "../returns/assert-exchange-items-paid"

/**
 * Core's `createOrderFulfillmentWorkflow` has no `validate` hook; `fulfillmentCreated` runs
 * inside the workflow after the fulfilment is registered, so throwing here fails the workflow
 * and core's compensation removes the fulfilment, its order registration, link and inventory
 * moves again. Medusa allows one handler per hook: every domain's check goes here.
 */
createOrderFulfillmentWorkflow.hooks.fulfillmentCreated(async ({ fulfillment }, { container }) => {
  await assertExchangeItemsPaid(container, fulfillment.id)
})
