import type { NotificationTemplate } from "./index"

const RESOLUTION_EN: Record<string, string> = {
  exchange: "an exchange",
  store_credit: "store credit",
  refund: "a refund",
}

const RESOLUTION_TR: Record<string, string> = {
  exchange: "değişim",
  store_credit: "mağaza kredisi",
  refund: "para iadesi",
}

function money(amount: unknown, currency: unknown) {
  return `${Number(amount ?? 0).toFixed(2)} ${String(currency ?? "").toUpperCase()}`
}

/** Shopper notifications of the returns domain, in English and Turkish. */
export const RETURN_TEMPLATES: Record<string, NotificationTemplate> = {
  /** Data: `order_id`, `resolution`, `keep_item`, `item_count`, `bonus_amount?`, `currency_code`. */
  "aftersales.returns.request_created": {
    en: (d) => ({
      subject: "We have received your return request",
      text: [
        `Your request for ${RESOLUTION_EN[d.resolution] ?? "a return"} of ${d.item_count ?? ""} item(s) from order ${d.order_id ?? ""} is registered.`,
        d.keep_item
          ? "You do not need to send the item(s) back: please keep them."
          : "Please send the item(s) back; we will let you know when they arrive.",
        d.bonus_amount ? `Your exchange bonus of ${money(d.bonus_amount, d.currency_code)} is already deducted.` : "",
      ]
        .filter(Boolean)
        .join("\n\n"),
    }),
    tr: (d) => ({
      subject: "İade talebinizi aldık",
      text: [
        `${d.order_id ?? ""} numaralı siparişinizdeki ${d.item_count ?? ""} ürün için ${RESOLUTION_TR[d.resolution] ?? "iade"} talebiniz kaydedildi.`,
        d.keep_item
          ? "Ürünleri geri göndermenize gerek yok: sizde kalabilir."
          : "Lütfen ürünleri geri gönderin; elimize ulaştığında size haber vereceğiz.",
        d.bonus_amount ? `${money(d.bonus_amount, d.currency_code)} tutarındaki değişim bonusunuz düşüldü.` : "",
      ]
        .filter(Boolean)
        .join("\n\n"),
    }),
  },
}
