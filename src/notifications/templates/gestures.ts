import type { NotificationTemplate } from "./index"

function what(d: Record<string, any>, lang: "en" | "tr") {
  const currency = String(d.currency_code ?? "").toUpperCase()
  switch (d.kind) {
    case "percentage":
      return lang === "en" ? `${d.value}% off your next order` : `bir sonraki siparişinizde %${d.value} indirim`
    case "fixed":
      return lang === "en" ? `${d.value} ${currency} off your next order` : `bir sonraki siparişinizde ${d.value} ${currency} indirim`
    case "free_shipping":
      return lang === "en" ? "free shipping on your next order" : "bir sonraki siparişinizde ücretsiz kargo"
    case "points":
      return lang === "en" ? `${d.value} loyalty points` : `${d.value} sadakat puanı`
    default:
      return lang === "en" ? `${d.value} ${currency} store credit` : `${d.value} ${currency} mağaza kredisi`
  }
}

/** Shopper notifications of goodwill gestures, in English and Turkish. */
export const GESTURE_TEMPLATES: Record<string, NotificationTemplate> = {
  /** Data: `kind`, `value`, `currency_code`, `code?`, `expires_at` (ISO date). */
  "aftersales.gestures.issued": {
    en: (d) => ({
      subject: "A little something to make up for it",
      text: [
        `We are sorry for the trouble. As a goodwill gesture you get ${what(d, "en")}.`,
        d.code ? `Your personal code: ${d.code} (one use, ${d.has_account === false ? "only for you" : "only with your account"}).` : "",
        `Valid until ${String(d.expires_at ?? "").slice(0, 10)}.`,
      ]
        .filter(Boolean)
        .join("\n\n"),
    }),
    tr: (d) => ({
      subject: "Yaşadığınız sorun için küçük bir jest",
      text: [
        `Yaşadığınız sorun için özür dileriz. Jest olarak size ${what(d, "tr")} tanımladık.`,
        d.code ? `Kişisel kodunuz: ${d.code} (tek kullanımlık, ${d.has_account === false ? "yalnızca size özel" : "yalnızca hesabınızla"}).` : "",
        `Son geçerlilik tarihi: ${String(d.expires_at ?? "").slice(0, 10)}.`,
      ]
        .filter(Boolean)
        .join("\n\n"),
    }),
  },
}
