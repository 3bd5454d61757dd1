import type { DelaySettings } from "../aftersales_settings/schemas"
import type { DelayCause, DelayStage } from "./types"

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
