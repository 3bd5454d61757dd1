import type { DelaySettings } from "../../types/settings"
import { CARRIER_REPORT_TOLERANCE_SECONDS } from "./types"
import type { CarrierReportIgnored, DelayCause, DelayStage, WatchStatus } from "./types"

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

/**
 * The promise made when an order is placed: ship within N hours, deliver within M days, from
 * the shipping option's own values when the merchant set them, else the store's.
 */
export function promiseFor(
  settings: Pick<DelaySettings, "ship_within_hours" | "deliver_within_days" | "per_shipping_option">,
  shippingOptionId: string | null | undefined,
  placedAt: Date
): { ship_by: Date; deliver_by: Date } {
  const own = shippingOptionId ? settings.per_shipping_option[shippingOptionId] : undefined
  const shipHours = own?.ship_within_hours ?? settings.ship_within_hours
  const deliverDays = own?.deliver_within_days ?? settings.deliver_within_days
  return {
    ship_by: new Date(placedAt.getTime() + shipHours * HOUR),
    deliver_by: new Date(placedAt.getTime() + deliverDays * DAY),
  }
}

/** Extra days a carrier exception usually costs, before the delivery can be tried again. */
const EXCEPTION_DAYS: Record<string, number> = {
  failed_attempt: 1,
  no_movement: 3,
  customs: 5,
}

/**
 * The new delivery estimate told to the customer. Never earlier than the old promise, never
 * in the past. A parcel not shipped yet still needs its transit time (the promise's gap
 * between ship-by and deliver-by, at least a day); a lost parcel is sent again.
 */
export function estimateNewDelivery(
  watch: { ship_by: Date; deliver_by: Date },
  stage: DelayStage,
  cause: DelayCause,
  now: Date
): Date {
  const transit = Math.max(
    new Date(watch.deliver_by).getTime() - new Date(watch.ship_by).getTime(),
    DAY
  )
  let from: number
  if (stage === "ship" || cause === "lost") {
    // Not on its way (or to be sent again): a day to hand it over, then the transit.
    from = now.getTime() + DAY + transit
  } else if (stage === "deliver") {
    from = now.getTime() + 2 * DAY
  } else {
    from = now.getTime() + (EXCEPTION_DAYS[cause] ?? 2) * DAY
  }
  return new Date(Math.max(from, new Date(watch.deliver_by).getTime()))
}

/** What a carrier report is checked against: the watch's state and the goods' movements. */
export type CarrierReportWatch = {
  status: WatchStatus
  placed_at: Date
  fulfilled_at: Date | null
  shipped_at: Date | null
  delivered_at: Date | null
}

/**
 * Why a carrier report must change nothing, or null when it may open the order's carrier
 * incident. A closed watch (delivered or canceled) has nothing left to promise. A report from
 * before the order, or from before the goods last moved, is about a parcel that has since
 * moved on (or never existed): acting on it would tell the customer a stale story. A report
 * from the future, beyond the clock tolerance, cannot be true.
 */
export function screenCarrierReport(
  watch: CarrierReportWatch,
  occurredAt: Date,
  now: Date
): CarrierReportIgnored | null {
  if (watch.status !== "open") {
    return "watch_closed"
  }
  const at = occurredAt.getTime()
  if (at > now.getTime() + CARRIER_REPORT_TOLERANCE_SECONDS * 1000) {
    return "in_future"
  }
  if (at < new Date(watch.placed_at).getTime()) {
    return "before_order"
  }
  const moves = [watch.fulfilled_at, watch.shipped_at, watch.delivered_at]
    .filter((d): d is Date => !!d)
    .map((d) => new Date(d).getTime())
  if (moves.length && at < Math.max(...moves)) {
    return "before_last_movement"
  }
  return null
}
