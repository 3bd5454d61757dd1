import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { detectOrderDelayWorkflow } from "../workflows/detect-order-delay"
import { LateOrder } from "./find-late-watches"

export const detectLateOrdersStepId = "detect-late-orders"

/** What acting on the late orders did. */
export type DetectLateOrdersStepOutput = { tickets_opened: number; failed: number }

const CAUSE = { ship: "not_shipped", deliver: "not_delivered" } as const

/**
 * Acts on each late order with its own run of `detectOrderDelayWorkflow`: one order's failure
 * is compensated on its own and logged, the others still get their ticket, and the failed
 * order stays in the scan for the next run.
 */
export const detectLateOrdersStep = createStep(
  detectLateOrdersStepId,
  async (late: LateOrder[], { container }) => {
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    let ticketsOpened = 0
    let failed = 0
    for (const item of late) {
      const { result, errors } = await detectOrderDelayWorkflow(container).run({
        input: { order_id: item.order_id, stage: item.stage, cause: CAUSE[item.stage] },
        throwOnError: false,
      })
      if (errors.length) {
        failed++
        logger.warn(
          `medusa-aftersales: delay of order ${item.order_id} (${item.stage}) not handled: ${errors[0].error?.message}`
        )
        continue
      }
      if (result.created && result.ticket_id) {
        ticketsOpened++
      }
    }
    return new StepResponse<DetectLateOrdersStepOutput>({ tickets_opened: ticketsOpened, failed })
  }
)
