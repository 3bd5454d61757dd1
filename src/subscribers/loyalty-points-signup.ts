import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerWorkflowEvents } from "@medusajs/framework/utils"
import { loyaltySettings, registeredCustomerIds } from "../workflows/loyalty/utils"
import { addLoyaltyBonusPointsWorkflow } from "../workflows/loyalty"

/**
 * A new registered customer gets the signup bonus once (key `signup:<customer id>`). The
 * customer core creates for a guest checkout gets none: guests hold no points.
 */
export default async function loyaltyPointsSignup({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  const settings = await loyaltySettings(container)
  if (!settings.enabled || settings.signup_bonus <= 0) {
    return
  }
  if (!(await registeredCustomerIds(container, [data.id])).has(data.id)) {
    return
  }
  await addLoyaltyBonusPointsWorkflow(container).run({
    input: {
      customer_id: data.id,
      points: settings.signup_bonus,
      reason: "welcome bonus",
      idempotency_key: `signup:${data.id}`,
      source: "signup",
    },
  })
}

export const config: SubscriberConfig = {
  event: CustomerWorkflowEvents.CREATED,
  context: { subscriberId: "aftersales-loyalty-points-signup" },
}
