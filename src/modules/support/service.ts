import { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { knexOf } from "../../utils/knex"
import { SupportMessage, SupportTicket, TicketResolution } from "./models"
import { OverviewPeriod, SupportOverviewSummary } from "../../types/overview"
import { summarizeTickets } from "./repositories/overview"

/** A ticket the SLA check flagged, and which clock ran out first. */
export type FlaggedSlaBreach = {
  id: string
  display_id: number
  breach: "first_response" | "resolution"
}

/** Tickets, their messages and resolutions. The rules live in the support workflows. */
export default class SupportModuleService extends MedusaService({
  SupportTicket,
  SupportMessage,
  TicketResolution,
}) {
  /**
   * Flags, in one statement, every unresolved ticket whose first-response or resolution due
   * time passed by `now` and that is not flagged yet, and answers the tickets this call
   * flagged. The `sla_breached_at IS NULL` condition is checked again on each row as it is
   * updated, so two checks at once (two processes, a retried job) flag each ticket once and
   * each sees only its own; one statement also keeps a backlog of thousands cheap.
   */
  @InjectManager()
  async flagSlaBreaches(
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<FlaggedSlaBreach[]> {
    return this.flagSlaBreaches_(now, sharedContext)
  }

  @InjectTransactionManager()
  protected async flagSlaBreaches_(
    now: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<FlaggedSlaBreach[]> {
    const knex = knexOf(sharedContext)
    const firstResponseLate = "first_responded_at IS NULL AND first_response_due_at < :now"
    const { rows } = await knex.raw(
      `UPDATE support_ticket
          SET sla_breached_at = :now,
              sla_breach = CASE WHEN ${firstResponseLate} THEN 'first_response' ELSE 'resolution' END,
              updated_at = now()
        WHERE deleted_at IS NULL
          AND status IN ('open', 'pending_customer')
          AND sla_breached_at IS NULL
          AND ((${firstResponseLate}) OR resolution_due_at < :now)
        RETURNING id, display_id, sla_breach`,
      { now }
    )
    return rows
      .map((r: { id: string; display_id: number; sla_breach: FlaggedSlaBreach["breach"] }) => ({
        id: r.id,
        display_id: Number(r.display_id),
        breach: r.sla_breach,
      }))
      .sort((a: FlaggedSlaBreach, b: FlaggedSlaBreach) => a.display_id - b.display_id)
  }

  /**
   * Support's part of the after-sales overview: open tickets, tickets opened and breached and
   * ratings given in each week of `period`, and the last breaches. Read-only aggregates over
   * indexed columns (`./repositories/overview.ts`).
   */
  @InjectManager()
  async summarize(
    period: OverviewPeriod,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<SupportOverviewSummary> {
    return summarizeTickets(knexOf(sharedContext), period)
  }
}
