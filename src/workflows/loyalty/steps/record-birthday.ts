import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { normaliseBirthday } from "../../../modules/loyalty_points/birthday"
import { loyaltyService } from "../utils"

export const recordLoyaltyBirthdayStepId = "record-loyalty-birthday"

/** The customer whose profile was created or updated. */
export type RecordLoyaltyBirthdayStepInput = {
  /** Id of the customer. */
  customer_id: string
}

/**
 * Copies the birthday the customer keeps in `metadata.birthday` ("MM-DD" or "YYYY-MM-DD") to
 * their points account, noting when it changed (the 365-day rule reads that date, which the
 * shopper cannot write). A value that is not a date is ignored, not recorded as a removal.
 * No compensation: it is the only write of its workflow.
 */
export const recordLoyaltyBirthdayStep = createStep(
  recordLoyaltyBirthdayStepId,
  async (input: RecordLoyaltyBirthdayStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [customer],
    } = await query.graph({
      entity: "customer",
      fields: ["id", "metadata"],
      filters: { id: input.customer_id },
    })
    if (!customer) {
      return new StepResponse({ recorded: false, changed: false, birthday: null as string | null })
    }
    const raw = (customer.metadata as Record<string, unknown> | null)?.birthday
    const birthday = normaliseBirthday(raw)
    if (raw != null && raw !== "" && birthday === null) {
      return new StepResponse({ recorded: false, changed: false, birthday: null as string | null })
    }
    const service = loyaltyService(container)
    const [account] = await service.listLoyaltyAccounts({ customer_id: input.customer_id }, { select: ["birthday"] })
    if (!account && birthday === null) {
      // Nothing to record, and no account to create for it.
      return new StepResponse({ recorded: false, changed: false, birthday })
    }
    const result = await service.recordBirthday(input.customer_id, birthday)
    return new StepResponse({ recorded: true, changed: result.changed, birthday })
  }
)
