import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { giveWaitGesture } from "./give-wait-gesture"
import { ChooseDelayOptionInput, ChooseDelayOptionOutput } from "./types"
import { chooseDelayOptionWorkflow } from "./workflows/choose-delay-option"

/**
 * The shopper's answer to a proactive delay ticket, as `POST /store/support-tickets/:id/
 * delay-choice` runs it: records the choice (and cancels the order on `cancel`) in
 * `chooseDelayOptionWorkflow`, then, for a first `wait` the policy rewards, gives the delay
 * gesture in its own workflow (`giveWaitGesture`): a refused gesture leaves the choice made.
 * Both under one lock per ticket, so an answer sent twice at once answers the gesture the
 * first one gave, never `null` while it is being given.
 */
export async function chooseDelayOption(
  container: MedusaContainer,
  input: ChooseDelayOptionInput
): Promise<ChooseDelayOptionOutput> {
  const locking = container.resolve(Modules.LOCKING)
  return await locking.execute(
    `aftersales-delay-answer:${input.ticket_id}`,
    async () => {
      const { result } = await chooseDelayOptionWorkflow(container).run({ input })
      const { wait_gesture, ...choice } = result
      if (wait_gesture) {
        choice.gesture_id = await giveWaitGesture(container, wait_gesture)
      }
      return choice
    },
    { timeout: 60 }
  )
}
