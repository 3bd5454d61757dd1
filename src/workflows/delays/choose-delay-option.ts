import { MedusaContainer } from "@medusajs/framework/types"
import { giveWaitGesture } from "./give-wait-gesture"
import { ChooseDelayOptionInput, ChooseDelayOptionOutput } from "./types"
import { chooseDelayOptionWorkflow } from "./workflows/choose-delay-option"

/**
 * The shopper's answer to a proactive delay ticket, as `POST /store/support-tickets/:id/
 * delay-choice` runs it: records the choice (and cancels the order on `cancel`) in
 * `chooseDelayOptionWorkflow`, then, for a first `wait` the policy rewards, gives the delay
 * gesture in its own workflow (`giveWaitGesture`): a refused gesture leaves the choice made.
 */
export async function chooseDelayOption(
  container: MedusaContainer,
  input: ChooseDelayOptionInput
): Promise<ChooseDelayOptionOutput> {
  const { result } = await chooseDelayOptionWorkflow(container).run({ input })
  const { wait_gesture, ...choice } = result
  if (wait_gesture) {
    choice.gesture_id = await giveWaitGesture(container, wait_gesture)
  }
  return choice
}
