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

/** Why a cancel is not offered (see `CANCEL_UNAVAILABLE`), as the shopper reads it. */
const NO_CANCEL: Record<string, { en: string; tr: string }> = {
  packed: {
    en: "It is already being packed for shipping, so it can no longer be canceled; you can return it once it arrives.",
    tr: "Siparişiniz kargoya hazırlanıyor, bu yüzden artık iptal edilemez; ulaştığında iade edebilirsiniz.",
  },
  shipped: {
    en: "It has already left our warehouse (in whole or in part), so it can no longer be canceled; you can return it once it arrives.",
    tr: "Siparişiniz (tamamı ya da bir kısmı) kargoya verildi, bu yüzden artık iptal edilemez; ulaştığında iade edebilirsiniz.",
  },
  completed: {
    en: "It can no longer be canceled; you can return it instead.",
    tr: "Artık iptal edilemez; bunun yerine iade edebilirsiniz.",
  },
}

/** "Still to come: 2 × Iznik mug (White)" — the items the delay is about. */
function lateItems(value: unknown, label: string): string | null {
  const items = Array.isArray(value) ? (value as { title?: string; subtitle?: string | null; quantity?: number }[]) : []
  if (!items.length) {
    return null
  }
  const named = items.map((i) => `${i.quantity ?? 1} × ${i.title ?? ""}${i.subtitle ? ` (${i.subtitle})` : ""}`)
  return `${label}: ${named.join(", ")}`
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
   * Data: `order_number`, `cause` (see CAUSES), `late_items` ([{ title, subtitle, quantity }]:
   * what is late), `new_estimate` (ISO date), `can_cancel` and `cancel_unavailable` (why not,
   * see NO_CANCEL), `ticket_id` for the storefront's link to the choice, and `has_account`
   * (false: a guest, who is never sent to an account). Sent before the customer has to ask.
   */
  "aftersales.delays.detected": {
    en: (d) => ({
      subject: `Your order #${d.order_number ?? ""} is running late, we are sorry`,
      text: [
        `We are sorry: your order #${d.order_number ?? ""} is late because ${CAUSES[d.cause]?.en ?? "of a problem on our side"}.`,
        lateItems(d.late_items, "Still to come"),
        `We now expect it to arrive by ${day(d.new_estimate, "en-GB")}.`,
        !d.can_cancel && NO_CANCEL[d.cancel_unavailable] ? NO_CANCEL[d.cancel_unavailable].en : null,
        !d.ticket_id || d.has_account === false
          ? d.can_cancel
            ? "Just reply to this email to tell us whether you will wait for it or would rather cancel it for a full refund."
            : "If you have any question, just reply to this email."
          : d.can_cancel
          ? "You can choose to wait for it, or to cancel the order for a full refund, from your account."
          : "You can tell us from your account that you will wait for it; we will keep you posted.",
      ]
        .filter(Boolean)
        .join("\n\n"),
    }),
    tr: (d) => ({
      subject: `#${d.order_number ?? ""} numaralı siparişiniz gecikiyor, özür dileriz`,
      text: [
        `Özür dileriz: #${d.order_number ?? ""} numaralı siparişiniz gecikiyor, çünkü ${CAUSES[d.cause]?.tr ?? "bizden kaynaklı bir sorun oluştu"}.`,
        lateItems(d.late_items, "Gelecek ürünler"),
        `Siparişinizin ${day(d.new_estimate, "tr-TR")} tarihine kadar ulaşmasını bekliyoruz.`,
        !d.can_cancel && NO_CANCEL[d.cancel_unavailable] ? NO_CANCEL[d.cancel_unavailable].tr : null,
        !d.ticket_id || d.has_account === false
          ? d.can_cancel
            ? "Beklemeyi mi yoksa siparişi iptal edip tam iade almayı mı tercih ettiğinizi bu e-postayı yanıtlayarak bize bildirebilirsiniz."
            : "Sorunuz olursa bu e-postayı yanıtlamanız yeterli."
          : d.can_cancel
          ? "Hesabınızdan beklemeyi ya da siparişi iptal edip tam iade almayı seçebilirsiniz."
          : "Beklemeyi tercih ettiğinizi hesabınızdan bize bildirebilirsiniz; sizi bilgilendirmeye devam edeceğiz.",
      ]
        .filter(Boolean)
        .join("\n\n"),
    }),
  },
}
