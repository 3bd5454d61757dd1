import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { loadOrderReturnWindowEnd } from "../return-window"
import { logFailures, PointsJobStepInput } from "../job-runs"
import { aftersalesSettings, loyaltyService } from "../utils"

export const deferOpenReturnWindowsStepId = "defer-open-return-windows"

/** Earnings checked per page, and pages per run. */
const PAGE = 200
const MAX_PAGES = 50
const DAY = 24 * 60 * 60 * 1000

/** What the check did: earnings moved to their window's end, earnings still waiting for it. */
export type DeferOpenReturnWindowsResult = { deferred: number; waiting: number; failed: number }

/**
 * Before pending points unlock, checks the return window of each order whose points are due:
 * an earning unlocks only once its order's window has closed (SPEC §1). A window that ends
 * later moves the unlock to its end; a window not known yet (a line not sent, or not yet
 * delivered when the window runs from delivery) moves it to the next day's run, which checks
 * again. What cannot be checked is logged, left pending and retried on the next run.
 */
export const deferOpenReturnWindowsStep = createStep(
  deferOpenReturnWindowsStepId,
  async (input: PointsJobStepInput, { container }) => {
    const now = input.now ? new Date(input.now) : new Date()
    const service = loyaltyService(container)
    const result: DeferOpenReturnWindowsResult = { deferred: 0, waiting: 0, failed: 0 }
    // One read of the return rules per run, not one per earning.
    const { returns } = await aftersalesSettings(container)
    let afterId = ""
    for (let page = 0; page < MAX_PAGES; page++) {
      const due = await service.listLoyaltyTransactions(
        { type: "earn", status: "pending", available_at: { $lte: now }, id: { $gt: afterId } },
        { select: ["id", "order_id", "available_at"], take: PAGE, order: { id: "ASC" } }
      )
      for (const earn of due) {
        if (!earn.order_id) {
          continue
        }
        try {
          const closes = await loadOrderReturnWindowEnd(container, earn.order_id, returns)
          if (!closes) {
            await service.deferUnlock(earn.id, new Date(now.getTime() + DAY))
            result.waiting++
          } else if (closes > now) {
            await service.deferUnlock(earn.id, closes)
            result.deferred++
          }
        } catch (e) {
          result.failed++
          logFailures(container, "points-unlock", [
            { account_id: earn.id, message: e instanceof Error ? e.message : String(e) },
          ], "earning")
        }
      }
      if (due.length < PAGE) {
        break
      }
      afterId = due[due.length - 1].id
    }
    return new StepResponse(result)
  }
)
