import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import SupportModuleService from "../../../modules/support/service"
import { AftersalesModules } from "../../../types/modules"
import { ERASED_TEXT } from "../types"

export const eraseCustomerTicketsStepId = "erase-customer-support-tickets"

/** The customer whose tickets are anonymised. */
export type EraseCustomerTicketsStepInput = {
  /** The customer being erased. */
  customer_id: string
}

/** How many rows lost their personal text. */
export type EraseCustomerTicketsStepOutput = {
  tickets: number
  messages: number
  resolutions: number
}

/**
 * Anonymises the customer's tickets: subjects and every message body (the customer's, the
 * agents' and internal notes: they quote the customer) become `[erased]`, resolution notes and
 * rating comments are emptied, metadata dropped; tickets still open are closed (nobody is there
 * to answer). What the overview counts stays: the tickets, their category, dates, SLA marks,
 * outcomes and rating scores. Running it again changes nothing.
 *
 * No compensation on purpose: restoring would need the erased text kept in the workflow's
 * checkpoint, i.e. not erased. It runs after every step that can fail on its own.
 */
export const eraseCustomerTicketsStep = createStep(
  eraseCustomerTicketsStepId,
  async (input: EraseCustomerTicketsStepInput, { container }) => {
    const support: SupportModuleService = container.resolve(AftersalesModules.SUPPORT)
    const tickets = await support.listSupportTickets(
      { customer_id: input.customer_id },
      { relations: ["messages", "resolutions"] }
    )
    const out: EraseCustomerTicketsStepOutput = { tickets: 0, messages: 0, resolutions: 0 }
    for (const ticket of tickets) {
      const open = ticket.status === "open" || ticket.status === "pending_customer"
      if (ticket.subject !== ERASED_TEXT || ticket.metadata || open) {
        await support.updateSupportTickets({
          id: ticket.id,
          subject: ERASED_TEXT,
          metadata: null,
          ...(open ? { status: "closed" as const } : {}),
        })
        out.tickets++
      }
      const messages = (ticket.messages ?? []).filter((m) => m.body !== ERASED_TEXT || m.metadata)
      if (messages.length) {
        await support.updateSupportMessages(
          messages.map((m) => ({ id: m.id, body: ERASED_TEXT, metadata: null }))
        )
        out.messages += messages.length
      }
      const resolutions = (ticket.resolutions ?? []).filter(
        (r) => r.note !== null || r.rating_comment !== null || r.metadata
      )
      if (resolutions.length) {
        await support.updateTicketResolutions(
          resolutions.map((r) => ({ id: r.id, note: null, rating_comment: null, metadata: null }))
        )
        out.resolutions += resolutions.length
      }
    }
    return new StepResponse(out)
  }
)
