import { transform, when, WorkflowData } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { renderNotification } from "../../../notifications/render"
import { AftersalesEvents } from "../../../types/events"
import { sendAftersalesNotificationStep } from "../../notifications"
import { createSupportTicketWorkflow } from "../../support"
// Each step from its own file: the steps barrel holds detect-late-orders, which runs these workflows.
import { attachIncidentTicketStep } from "../steps/attach-incident-ticket"
import { DelayContext } from "../steps/load-delay-context"
import { RecordDelayIncidentStepOutput, RecordedDelayIncident } from "../steps/record-delay-incident"
import { DetectOrderDelayInput } from "../types"

const TEMPLATE = "aftersales.delays.detected"

/**
 * The part of a delay's handling that follows its incident, composed into both
 * `detectOrderDelayWorkflow` and `announceDelayIncidentWorkflow`: when this run recorded the
 * incident, one proactive ticket (for a customer), the email, and `order_delay.detected`.
 * Answers the ticket opened, if any.
 */
export function announceDelay({
  input,
  context,
  recorded,
}: {
  // A workflow's own input is typed as its plain type inside the constructor.
  input: WorkflowData<DetectOrderDelayInput> | DetectOrderDelayInput
  context: WorkflowData<DelayContext>
  recorded: WorkflowData<RecordDelayIncidentStepOutput>
}) {
    const message = transform({ context, recorded, input }, ({ context, recorded, input }) => {
      const data = {
        order_number: context.display_id,
        stage: input.stage,
        cause: input.cause,
        // No incident for an ignored carrier report: nothing below runs for it.
        new_estimate: recorded.incident ? new Date(recorded.incident.new_estimate).toISOString() : null,
        can_cancel: !recorded.shipped,
        has_account: context.has_account,
      }
      return { data, content: renderNotification(TEMPLATE, context.locale, { ...data, ticket_id: "-" }) }
    })

    const ticket = when(
      "delay-open-ticket",
      { recorded, context },
      ({ recorded, context }) => recorded.created && !!context.customer_id
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
      const attach = transform({ recorded, opened }, ({ recorded, opened }) => ({
        // Only a created incident opens a ticket.
        incident_id: (recorded as RecordedDelayIncident).incident.id,
        ticket_id: opened.id,
      }))
      attachIncidentTicketStep(attach)
      return opened
    })

    when(
      "delay-notify-customer",
      { recorded, context },
      ({ recorded, context }) => recorded.created && !!context.email
    ).then(() => {
      const notification = transform(
        { input, context, message, ticket },
        ({ input, context, message, ticket }) => ({
          template: TEMPLATE,
          to: context.email as string,
          locale: context.locale,
          data: { ...message.data, ticket_id: ticket?.id ?? null },
          idempotency_key: `delay:${input.order_id}:${input.stage}:notify`,
          resource_id: input.order_id,
          resource_type: "order",
          receiver_id: context.customer_id ?? undefined,
        })
      )
      sendAftersalesNotificationStep(notification)
    })

    when("delay-announce", { recorded }, ({ recorded }) => recorded.created).then(() => {
      const event = transform({ recorded, input, ticket }, ({ recorded, input, ticket }) => ({
        id: recorded.watch_id,
        order_id: input.order_id,
        stage: input.stage,
        ticket_id: ticket?.id ?? null,
      }))
      emitEventStep({ eventName: AftersalesEvents.ORDER_DELAY_DETECTED, data: event }).config({
        name: "emit-order-delay-detected",
      })
    })

    return ticket
}
