import type { NotificationTemplate } from "./index"

const CAUSES: Record<string, { en: string; tr: string }> = {
  not_shipped: {
    en: "it has not left our warehouse as quickly as we promised",
    tr: "söz verdiğimiz sürede depomuzdan çıkamadı",
  },
  not_delivered: {
    en: "it is taking longer than promised to reach you",
    tr: "size ulaşması söz verdiğimizden uzun sürüyor",
  },
  failed_attempt: {
    en: "the carrier could not deliver it on their last attempt",
    tr: "kargo firması son teslimat denemesinde teslim edemedi",
  },
  customs: { en: "it is being held at customs", tr: "gümrükte bekletiliyor" },
  lost: {
    en: "the carrier has lost track of it, so we are sending it again",
    tr: "kargo firması gönderinin izini kaybetti, bu yüzden yeniden gönderiyoruz",
  },
  no_movement: {
    en: "its tracking has not moved for several days",
    tr: "kargo takibinde birkaç gündür hareket yok",
  },
}

function day(value: unknown, locale: string): string {
  const date = new Date(String(value ?? ""))
  if (isNaN(date.getTime())) {
    return ""
  }
  return date.toLocaleDateString(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })
}

/** Shopper notifications of the delay watch, in English and Turkish. */
export const DELAY_TEMPLATES: Record<string, NotificationTemplate> = {
  /**
   * Data: `order_number`, `cause` (see CAUSES), `new_estimate` (ISO date), `can_cancel`, and
   * `ticket_id` for the storefront's link to the choice, `has_account` (false: a guest, who is
   * never sent to an account). Sent before the customer has to ask.
   */
  "aftersales.delays.detected": {
    en: (d) => ({
      subject: `Your order #${d.order_number ?? ""} is running late, we are sorry`,
      text: [
        `We are sorry: your order #${d.order_number ?? ""} is late because ${CAUSES[d.cause]?.en ?? "of a problem on our side"}.`,
        `We now expect it to arrive by ${day(d.new_estimate, "en-GB")}.`,
        !d.ticket_id || d.has_account === false
          ? d.can_cancel
            ? "Just reply to this email to tell us whether you will wait for it or would rather cancel it for a full refund."
            : "If you have any question, just reply to this email."
          : d.can_cancel
          ? "You can choose to wait for it, or to cancel the order for a full refund, from your account."
          : "You can tell us from your account that you will wait for it; we will keep you posted.",
      ].join("\n\n"),
    }),
    tr: (d) => ({
      subject: `#${d.order_number ?? ""} numaralı siparişiniz gecikiyor, özür dileriz`,
      text: [
        `Özür dileriz: #${d.order_number ?? ""} numaralı siparişiniz gecikiyor, çünkü ${CAUSES[d.cause]?.tr ?? "bizden kaynaklı bir sorun oluştu"}.`,
        `Siparişinizin ${day(d.new_estimate, "tr-TR")} tarihine kadar ulaşmasını bekliyoruz.`,
        !d.ticket_id || d.has_account === false
          ? d.can_cancel
            ? "Beklemeyi mi yoksa siparişi iptal edip tam iade almayı mı tercih ettiğinizi bu e-postayı yanıtlayarak bize bildirebilirsiniz."
            : "Sorunuz olursa bu e-postayı yanıtlamanız yeterli."
          : d.can_cancel
          ? "Hesabınızdan beklemeyi ya da siparişi iptal edip tam iade almayı seçebilirsiniz."
          : "Beklemeyi tercih ettiğinizi hesabınızdan bize bildirebilirsiniz; sizi bilgilendirmeye devam edeceğiz.",
      ].join("\n\n"),
    }),
  },
}
