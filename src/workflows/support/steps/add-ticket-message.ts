import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IAftersalesSettingsModuleService } from "../../../types/settings"
import SupportModuleService from "../../../modules/support/service"
import { AftersalesModules } from "../../../types/modules"
import { TicketMessageInput, TicketStatus } from "../types"

export const addTicketMessageStepId = "add-support-ticket-message"

/** A reply or note to add to a ticket. */
export type AddTicketMessageStepInput = TicketMessageInput & {
  /** The ticket. */
  ticket_id: string
  /** When set, the ticket must belong to this customer (store routes): else 404. */
  customer_id?: string
}

/** What the message changed. */
export type AddTicketMessageStepOutput = {
  /** The new message. */
  message_id: string
  ticket_id: string
  customer_id: string
  /** The ticket's order: the customer is written to at the order's email. */
  order_id: string | null
  /** The customer's reply reopened a resolved ticket. */
  reopened: boolean
  /** A public agent reply the customer should be told about. */
  notify_customer: boolean
  /** For the notification: the ticket's number, subject and the reply. */
  number: string
  subject: string
  body: string
}

type Snapshot = {
  message_id: string
  ticket: {
    id: string
    status: TicketStatus
    first_responded_at: Date | null
    resolved_at: Date | null
  }
}

const DAY = 24 * 60 * 60 * 1000

/**
 * Adds a message and moves the ticket the way people expect:
 * - the first public agent reply stops the first-response clock and waits on the customer;
 * - a customer reply puts the ticket back to `open`, and reopens a resolved ticket when it comes
 *   within `support.reopen_days` of the resolution (later, or on a closed ticket, it is refused:
 *   the shopper opens a new ticket);
 * - internal notes change nothing the customer could notice.
 */
export const addTicketMessageStep = createStep(
  addTicketMessageStepId,
  async (input: AddTicketMessageStepInput, { container }) => {
    const support: SupportModuleService = container.resolve(AftersalesModules.SUPPORT)
    const [ticket] = await support.listSupportTickets({ id: input.ticket_id })
    if (!ticket || (input.customer_id && ticket.customer_id !== input.customer_id)) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Support ticket with id ${input.ticket_id} was not found`
      )
    }
    const internal = input.author_type === "agent" && !!input.internal
    const update: Record<string, unknown> = {}
    let reopened = false

    if (input.author_type === "customer") {
      if (ticket.status === "closed") {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Support ticket ${input.ticket_id} is closed; please open a new ticket`
        )
      }
      if (ticket.status === "resolved") {
        const settings: IAftersalesSettingsModuleService = container.resolve(AftersalesModules.SETTINGS)
        const { support: rules } = await settings.getSettings()
        const resolvedAt = ticket.resolved_at ? new Date(ticket.resolved_at).getTime() : 0
        if (Date.now() - resolvedAt > rules.reopen_days * DAY) {
          throw new MedusaError(
            MedusaError.Types.NOT_ALLOWED,
            `Support ticket ${input.ticket_id} was resolved more than ${rules.reopen_days} days ago; please open a new ticket`
          )
        }
        reopened = true
      }
      if (ticket.status !== "open") {
        update.status = "open"
      }
    } else if (input.author_type === "agent" && !internal) {
      if (!ticket.first_responded_at) {
        update.first_responded_at = new Date()
      }
      if (ticket.status === "open") {
        update.status = "pending_customer"
      }
    }

    const message = await support.createSupportMessages({
      ticket_id: ticket.id,
      author_type: input.author_type,
      author_id: input.author_id ?? null,
      body: input.body,
      internal,
    })
    if (Object.keys(update).length) {
      await support.updateSupportTickets({ id: ticket.id, ...update })
    }
    const snapshot: Snapshot = {
      message_id: message.id,
      ticket: {
        id: ticket.id,
        status: ticket.status as TicketStatus,
        first_responded_at: ticket.first_responded_at as Date | null,
        resolved_at: ticket.resolved_at as Date | null,
      },
    }
    return new StepResponse<AddTicketMessageStepOutput, Snapshot>(
      {
        message_id: message.id,
        ticket_id: ticket.id,
        customer_id: ticket.customer_id,
        order_id: ticket.order_id ?? null,
        reopened,
        notify_customer: input.author_type === "agent" && !internal,
        number: `#${1000 + Number(ticket.display_id)}`,
        subject: ticket.subject,
        body: input.body,
      },
      snapshot
    )
  },
  async (snapshot, { container }) => {
    if (!snapshot) {
      return
    }
    const support: SupportModuleService = container.resolve(AftersalesModules.SUPPORT)
    await support.deleteSupportMessages(snapshot.message_id)
    await support.updateSupportTickets(snapshot.ticket)
  }
)
