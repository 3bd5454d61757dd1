import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CustomerWorkflowEvents } from "@medusajs/framework/utils"
import { loyaltySettings } from "../workflows/loyalty/utils"
import { addLoyaltyBonusPointsWorkflow } from "../workflows/loyalty"

/** A new customer gets the signup bonus once (key `signup:<customer id>`). */
export default async function loyaltyPointsSignup({
  event: { data },
  container,
}: SubscriberArgs<{ id: string }>) {
  const settings = await loyaltySettings(container)
  if (!settings.enabled || settings.signup_bonus <= 0) {
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
