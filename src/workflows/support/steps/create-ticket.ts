import { Context } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { IAftersalesSettingsModuleService } from "../../../types/settings"
import SupportModuleService from "../../../modules/support/service"
import { AftersalesModules } from "../../../types/modules"
import { CreateSupportTicketInput } from "../types"

const HOUR = 60 * 60 * 1000

export const createSupportTicketStepId = "create-support-ticket"

/** The ticket to open. */
export type CreateSupportTicketStepInput = CreateSupportTicketInput

/** The ticket and whether this run created it (false when the idempotency key was seen). */
export type CreateSupportTicketStepOutput = { id: string; created: boolean }

/**
 * Opens a ticket with its first message. With an `idempotency_key`, a retry or a concurrent
 * run answers the ticket the first run made: the database keeps the key unique, and the loser
 * of a race reads the winner's row instead of failing. The SLA due times come from the
 * priority's hours in the support settings in force when the ticket opens.
 */
export const createSupportTicketStep = createStep(
  createSupportTicketStepId,
  async (input: CreateSupportTicketStepInput, { container }) => {
    const support: SupportModuleService = container.resolve(AftersalesModules.SUPPORT)
    const existing = await findByKey(support, input.idempotency_key)
    if (existing) {
      return new StepResponse<CreateSupportTicketStepOutput, { id: string | null }>(
        { id: existing, created: false },
        { id: null }
      )
    }
    const settings: IAftersalesSettingsModuleService = container.resolve(AftersalesModules.SETTINGS)
    const { support: sla } = await settings.getSettings()
    const priority = input.priority ?? "normal"
    const now = Date.now()
    const hours = (h: number | undefined, fallback: number) => new Date(now + (h ?? fallback) * HOUR)
    let ticketId: string
    try {
      const ticket = await support.createSupportTickets({
        customer_id: input.customer_id,
        order_id: input.order_id ?? null,
        category: input.category,
        priority,
        channel: input.channel,
        source: input.source,
        subject: input.subject,
        first_response_due_at: hours(sla.first_response_hours[priority], 24),
        resolution_due_at: hours(sla.resolution_hours[priority], 72),
        idempotency_key: input.idempotency_key ?? null,
      })
      ticketId = ticket.id
    } catch (e) {
      const winner = await findByKey(support, input.idempotency_key)
      if (winner) {
        return new StepResponse<CreateSupportTicketStepOutput, { id: string | null }>(
          { id: winner, created: false },
          { id: null }
        )
      }
      throw e
    }
    if (input.message) {
      await support.createSupportMessages({
        ticket_id: ticketId,
        author_type: input.message.author_type,
        author_id: input.message.author_id ?? null,
        body: input.message.body,
        internal: input.message.internal ?? false,
      })
    }
    return new StepResponse<CreateSupportTicketStepOutput, { id: string | null }>(
      { id: ticketId, created: true },
      { id: ticketId }
    )
  },
  async (data, { container }) => {
    if (!data?.id) {
      return
    }
    const support: SupportModuleService = container.resolve(AftersalesModules.SUPPORT)
    await support.deleteSupportTickets(data.id)
  }
)

async function findByKey(
  support: SupportModuleService,
  key: string | undefined,
  context: Context = {}
): Promise<string | null> {
  if (!key) {
    return null
  }
  const [found] = await support.listSupportTickets({ idempotency_key: key }, { select: ["id"] }, context)
  if (found) {
    return found.id
  }
  return null
}

