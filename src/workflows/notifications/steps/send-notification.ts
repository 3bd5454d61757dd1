import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Locale } from "../../../notifications/locale"
import { renderNotification } from "../../../notifications/render"
import { customerLocale } from "../recipients"

export const sendAftersalesNotificationStepId = "send-aftersales-notification"

/** One message to a shopper, in their language. */
export type SendAftersalesNotificationStepInput = {
  /** Template id, e.g. `aftersales.loyalty.points_earned`. */
  template: string
  /** The shopper's email address. */
  to: string
  /**
   * Language for a message to no customer. A message with a `receiver_id` is written in that
   * customer's one language (see `customerLocales`), whatever the caller guessed.
   */
  locale: Locale
  /**
   * True when `locale` already is the receiver's one language (the caller read it with
   * `messageRecipient` or `orderRecipients`): not looked up a second time.
   */
  locale_chosen?: boolean
  /** Values the template uses; sent along as the notification's data for custom providers. */
  data: Record<string, unknown>
  /** Makes a retried event or step send the message once: the Notification module keeps it unique. */
  idempotency_key: string
  /** The record the message is about, e.g. a ticket id. */
  resource_id?: string
  /** Its kind, e.g. `support_ticket`. */
  resource_type?: string
  /** The customer id, for the notification's receiver. */
  receiver_id?: string
  /** The channel; `email` unless a store routes it elsewhere. */
  channel?: string
}

/**
 * Sends a shopper notification through the Notification module (any provider the store has
 * for the channel: SendGrid, Resend, …). A store with no provider for the channel gets a
 * warning in its log instead of a failed workflow: the after-sales action itself stands.
 * One customer gets every message in one language, chosen once.
 */
export const sendAftersalesNotificationStep = createStep(
  sendAftersalesNotificationStepId,
  async (input: SendAftersalesNotificationStepInput, { container }) => {
    const notifications = container.resolve(Modules.NOTIFICATION)
    const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
    const locale = input.locale_chosen
      ? input.locale
      : await customerLocale(container, input.receiver_id, input.locale).catch(() => input.locale)
    const content = renderNotification(input.template, locale, input.data)
    try {
      const [sent] = await notifications.createNotifications([
        {
          to: input.to,
          channel: input.channel ?? "email",
          template: input.template,
          data: { ...input.data, locale },
          content,
          idempotency_key: input.idempotency_key,
          resource_id: input.resource_id,
          resource_type: input.resource_type,
          receiver_id: input.receiver_id,
          trigger_type: "medusa-aftersales",
        },
      ])
      return new StepResponse<{ id: string | null }>({ id: sent?.id ?? null })
    } catch (e) {
      logger.warn(
        `medusa-aftersales: notification ${input.template} to ${input.receiver_id ?? "a customer"} not sent: ${(e as Error).message}`
      )
      return new StepResponse<{ id: string | null }>({ id: null })
    }
  }
)
