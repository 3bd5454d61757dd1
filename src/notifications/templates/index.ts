import { Locale } from "../locale"
import { DELAY_TEMPLATES } from "./delays"
import { GESTURE_TEMPLATES } from "./gestures"
import { LOYALTY_TEMPLATES } from "./loyalty"
import { RETURN_TEMPLATES } from "./returns"
import { SUPPORT_TEMPLATES } from "./support"

/**
 * A notification's text in each language. `data` is the notification's data; a template must
 * not throw on a missing field (it is rendered inside workflows that must not fail on text).
 */
export type NotificationTemplate = Record<
  Locale,
  (data: Record<string, any>) => { subject: string; text: string }
>

/**
 * Every template by id (`aftersales.<domain>.<what>`). Each domain keeps its templates in its
 * own file here and spreads them in below.
 */
export const NOTIFICATION_TEMPLATES: Record<string, NotificationTemplate> = {
  ...RETURN_TEMPLATES,
  ...SUPPORT_TEMPLATES,
  ...GESTURE_TEMPLATES,
  ...DELAY_TEMPLATES,
  ...LOYALTY_TEMPLATES,
}
