import { transform, when, WorkflowData } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, emitEventStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { renderNotification } from "../../../notifications/render"
import { AftersalesEvents } from "../../../types/events"
import { sendAftersalesNotificationStep } from "../../notifications"
import { createSupportTicketWorkflow } from "../../support"
import { cancelUnavailableOf } from "../cancel-availability"
import { lateItemsOf } from "../item-progress"
import { attachIncidentTicketStep } from "../steps/attach-incident-ticket"
import { loadDelayAnnouncementStep } from "../steps/load-delay-announcement"
import { DelayContext } from "../steps/load-delay-context"
import { markDelayAnnouncedStep } from "../steps/mark-delay-announced"
import { DetectOrderDelayInput } from "../types"

const TEMPLATE = "aftersales.delays.detected"

/**
 * Announces an order's delay incident, composed into both `detectOrderDelayWorkflow` (the
 * carrier hook) and `announceDelayIncidentWorkflow` (the scan): under a lock per order and
 * stage, and only while the incident is recorded but not yet announced, it opens the one
 * proactive ticket (for a customer), sends the email (to the order's email when the customer
 * is gone), emits `order_delay.detected` and marks the incident announced. The message says
 * which items are late and whether a cancel is still possible (and why not). Every part is
 * keyed on the order and stage, so a retry after a crash opens and sends nothing twice.
 * Answers the ticket opened, if any.
 */
export function announceDelay({
  input,
  context,
  incident_id,
}: {
  // A workflow's own input is typed as its plain type inside the constructor.
  input: WorkflowData<Pick<DetectOrderDelayInput, "order_id" | "stage" | "cause">> | Pick<DetectOrderDelayInput, "order_id" | "stage" | "cause">
  context: WorkflowData<DelayContext>
  incident_id: WorkflowData<string | null>
}) {
  const lockKey = transform({ input }, ({ input }) => `aftersales-delay-announce:${input.order_id}:${input.stage}`)
  acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 }).config({ name: "lock-delay-announcement" })
  const state = loadDelayAnnouncementStep(transform({ incident_id }, ({ incident_id }) => ({ incident_id })))

  const message = transform({ context, state, input }, ({ context, state, input }) => {
    const cancelUnavailable = cancelUnavailableOf(context.order)
    const data = {
      order_number: context.display_id,
      stage: input.stage,
      cause: input.cause,
      new_estimate: state.incident ? new Date(state.incident.new_estimate).toISOString() : null,
      late_items: lateItemsOf(context.items, input.stage).map(({ title, subtitle, quantity }) => ({
        title,
        subtitle,
        quantity,
      })),
      can_cancel: !cancelUnavailable,
      cancel_unavailable: cancelUnavailable,
      has_account: context.has_account,
    }
    return { data, content: renderNotification(TEMPLATE, context.locale, { ...data, ticket_id: "-" }) }
  })

  const ticket = when(
    "delay-open-ticket",
    { state, context },
    ({ state, context }) => state.announce && !!context.customer_id
  ).then(() => {
    const ticketInput = transform({ input, context, message }, ({ input, context, message }) => ({
      customer_id: context.customer_id as string,
      order_id: input.order_id,
      category: "delay" as const,
      priority: "high" as const,
      channel: "system" as const,
      source: "proactive" as const,
      subject: message.content.subject,
      message: { author_type: "system" as const, body: message.content.text },
      idempotency_key: `delay:${input.order_id}:${input.stage}`,
    }))
    const opened = createSupportTicketWorkflow.runAsStep({ input: ticketInput })
    const attach = transform({ state, opened }, ({ state, opened }) => ({
      // Only an incident to announce opens a ticket.
      incident_id: state.incident!.id,
      ticket_id: opened.id,
    }))
    attachIncidentTicketStep(attach)
    return opened
  })

  when(
    "delay-notify-customer",
    { state, context },
    ({ state, context }) => state.announce && !!context.email
  ).then(() => {
    const notification = transform(
      { input, context, message, ticket },
      ({ input, context, message, ticket }) => ({
        template: TEMPLATE,
        to: context.email as string,
        locale: context.locale,
        locale_chosen: true,
        data: { ...message.data, ticket_id: ticket?.id ?? null },
        idempotency_key: `delay:${input.order_id}:${input.stage}:notify`,
        resource_id: input.order_id,
        resource_type: "order",
        receiver_id: context.customer_id ?? undefined,
      })
    )
    sendAftersalesNotificationStep(notification)
  })

  when("delay-announce", { state }, ({ state }) => state.announce).then(() => {
    const event = transform({ state, input, ticket }, ({ state, input, ticket }) => ({
      id: state.incident!.watch_id,
      order_id: input.order_id,
      stage: input.stage,
      ticket_id: ticket?.id ?? null,
    }))
    emitEventStep({ eventName: AftersalesEvents.ORDER_DELAY_DETECTED, data: event }).config({
      name: "emit-order-delay-detected",
    })
  })

  when("delay-settle", { state }, ({ state }) => state.settle).then(() => {
    markDelayAnnouncedStep(transform({ state }, ({ state }) => ({ incident_id: state.incident!.id })))
  })

  releaseLockStep({ key: lockKey }).config({ name: "unlock-delay-announcement" })

  return { ticket, state }
}
