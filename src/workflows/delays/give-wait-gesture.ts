import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import DelayWatchService from "../../modules/delay_watch/service"
import { AftersalesModules } from "../../types/modules"
import { issueGoodwillGestureWorkflow } from "../gestures"

/** The shopper who chose to wait and on what. */
export type GiveWaitGestureInput = {
  incident_id: string
  ticket_id: string
  order_id: string
  customer_id: string
}

/**
 * Thanks a shopper who chose to wait with the `delay` category's goodwill gesture, by policy
 * (caps and budget included), once per incident. A refused gesture (cap reached, budget
 * spent) is logged and leaves the choice recorded: an agent can still give one on the ticket.
 * Not a step: the gesture is its own workflow (caps, budget lock, approval), run after the
 * choice is recorded, and its refusal must not undo the choice. Answers the gesture's id.
 */
export async function giveWaitGesture(
  container: MedusaContainer,
  input: GiveWaitGestureInput
): Promise<string | null> {
  const { result, errors } = await issueGoodwillGestureWorkflow(container).run({
    input: {
      customer_id: input.customer_id,
      ticket_id: input.ticket_id,
      order_id: input.order_id,
      category: "delay",
      idempotency_key: `delay-wait:${input.incident_id}`,
    },
    throwOnError: false,
  })
  if (errors.length || !result?.gesture_id) {
    if (errors.length) {
      container
        .resolve(ContainerRegistrationKeys.LOGGER)
        .warn(`medusa-aftersales: no gesture for waiting on ${input.order_id}: ${errors[0].error?.message}`)
    }
    return null
  }
  const watches: DelayWatchService = container.resolve(AftersalesModules.DELAY_WATCH)
  await watches.updateDelayIncidents({ id: input.incident_id, gesture_id: result.gesture_id })
  return result.gesture_id
}
