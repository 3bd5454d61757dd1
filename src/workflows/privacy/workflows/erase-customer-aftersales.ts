import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import {
  cancelPendingGesturesStep,
  closeCustomerPointsStep,
  eraseCustomerReturnRequestsStep,
  eraseCustomerTicketsStep,
} from "../steps"
import { EraseCustomerAftersalesInput, EraseCustomerAftersalesOutput } from "../types"

export const eraseCustomerAftersalesWorkflowId = "erase-customer-aftersales"

/**
 * Erases a customer's after-sales personal data and keeps the figures (GDPR/KVKK): gestures
 * waiting for approval are cancelled, tickets anonymised (and closed), return requests lose
 * their free data, points are closed out with a ledger entry. Runs on `customer.deleted` and on
 * an admin's erasure request; a second run changes nothing. One erasure per customer at a time.
 */
export const eraseCustomerAftersalesWorkflow = createWorkflow(
  eraseCustomerAftersalesWorkflowId,
  (input: EraseCustomerAftersalesInput) => {
    const lockKey = transform({ input }, ({ input }) => `aftersales-erase:${input.customer_id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })

    const gesturesCancelled = cancelPendingGesturesStep({ customer_id: input.customer_id })
    const tickets = eraseCustomerTicketsStep({ customer_id: input.customer_id })
    const returnRequests = eraseCustomerReturnRequestsStep({ customer_id: input.customer_id })
    const pointsClosed = closeCustomerPointsStep({
      customer_id: input.customer_id,
      reason: input.reason,
    })

    releaseLockStep({ key: lockKey })

    const result = transform(
      { input, gesturesCancelled, tickets, returnRequests, pointsClosed },
      (data): EraseCustomerAftersalesOutput => ({
        customer_id: data.input.customer_id,
        points_closed: data.pointsClosed,
        tickets_erased: data.tickets.tickets,
        messages_erased: data.tickets.messages,
        resolutions_erased: data.tickets.resolutions,
        return_requests_erased: data.returnRequests,
        gestures_cancelled: data.gesturesCancelled,
      })
    )
    const erased = createHook("customerAftersalesErased", { result, input })
    return new WorkflowResponse(result, { hooks: [erased] })
  }
)
