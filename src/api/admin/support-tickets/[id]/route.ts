import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { AdminSupportTicketResponse } from "../../../../types/http/support"
import { updateSupportTicketWorkflow } from "../../../../workflows/support"
import { fetchAdminTicket } from "../helpers"
import { AdminUpdateSupportTicketType } from "../validators"

/** A ticket with its whole conversation (internal notes included) and resolutions. */
export const GET = async (
  req: AuthenticatedMedusaRequest,
  res: MedusaResponse<AdminSupportTicketResponse>
) => {
  res.json({ ticket: await fetchAdminTicket(req.scope, req.params.id) })
}

/** Changes status (not to resolved: use /resolve), priority or assignee. */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminUpdateSupportTicketType>,
  res: MedusaResponse<AdminSupportTicketResponse>
) => {
  await updateSupportTicketWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody },
  })
  res.json({ ticket: await fetchAdminTicket(req.scope, req.params.id) })
}
