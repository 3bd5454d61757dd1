import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, cancelOrderWorkflow, releaseLockStep } from "@medusajs/medusa/core-flows"
import {
  loadDelayChoiceStep,
  recordDelayChoiceStep,
  validateDelayChoiceStep,
} from "../steps"
import { ChooseDelayOptionInput, RecordedDelayChoice } from "../types"

export const chooseDelayOptionWorkflowId = "choose-delay-option"

/**
 * The shopper's answer to a proactive delay ticket. `wait` is recorded (and answers the
 * delay gesture due by policy, given after this workflow by `chooseDelayOption`, once);
 * `cancel` cancels the order through Medusa's `cancelOrderWorkflow`, which voids or refunds
 * its payments, and is refused once anything shipped. Under a lock per order, so two answers
 * at once act once; if the cancel fails, the recorded choice is put back.
 */
export const chooseDelayOptionWorkflow = createWorkflow(
  chooseDelayOptionWorkflowId,
  (input: ChooseDelayOptionInput) => {
    const context = loadDelayChoiceStep({ ticket_id: input.ticket_id, customer_id: input.customer_id })
    const lockKey = transform({ context }, ({ context }) => `aftersales-delay-choice:${context.order_id}`)
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 120 })

    // Read again under the lock: a concurrent answer may have just been recorded.
    const locked = loadDelayChoiceStep({ ticket_id: input.ticket_id, customer_id: input.customer_id }).config({
      name: "load-delay-choice-locked",
    })
    validateDelayChoiceStep({ context: locked, choice: input.choice })
    const recordInput = transform({ locked, input }, ({ locked, input }) => ({
      incident_id: locked.incident_id,
      choice: input.choice,
    }))
    const recorded = recordDelayChoiceStep(recordInput)

    when(
      "delay-choice-cancel",
      { recorded, input },
      ({ recorded, input }) => input.choice === "cancel" && recorded.previous !== "cancel"
    ).then(() => {
      const cancelInput = transform({ locked }, ({ locked }) => ({
        order_id: locked.order_id,
        canceled_by: locked.customer_id,
      }))
      cancelOrderWorkflow.runAsStep({ input: cancelInput })
    })

    releaseLockStep({ key: lockKey })

    const result = transform(
      { locked, input, recorded },
      ({ locked, input, recorded }): RecordedDelayChoice => ({
        ticket_id: locked.ticket_id,
        order_id: locked.order_id,
        choice: input.choice,
        order_canceled: input.choice === "cancel",
        gesture_id: locked.gesture_id ?? null,
        wait_gesture:
          input.choice === "wait" && recorded.previous === null && locked.gesture_on_wait
            ? {
                incident_id: locked.incident_id,
                ticket_id: locked.ticket_id,
                order_id: locked.order_id,
                customer_id: locked.customer_id,
              }
            : null,
      })
    )
    return new WorkflowResponse(result)
  }
)
