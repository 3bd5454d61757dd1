import type { NotificationTemplate } from "./index"

const day = (d: unknown) => String(d ?? "").slice(0, 10)

/** Shopper notifications of the loyalty programme, in English and Turkish. */
export const LOYALTY_TEMPLATES: Record<string, NotificationTemplate> = {
  /**
   * Data: `points`, `source` (`order` or `birthday`), `order_display_id?`, `available_at?`
   * (ISO date; set while the points are pending), `balance`.
   */
  "aftersales.loyalty.points_earned": {
    en: (d) => ({
      subject:
        d.source === "birthday"
          ? `Happy birthday! ${d.points} points for you`
          : `You earned ${d.points} points`,
      text: [
        d.source === "birthday"
          ? `Happy birthday! We added ${d.points} points to your account.`
          : `Thank you for your order${d.order_display_id ? ` #${d.order_display_id}` : ""}: it earned you ${d.points} points.`,
        d.available_at
          ? `They can be spent from ${day(d.available_at)}, once the return window has closed.`
          : "",
        `Points you can spend now: ${d.balance ?? 0}.`,
      ]
        .filter(Boolean)
        .join("\n\n"),
    }),
    tr: (d) => ({
      subject:
        d.source === "birthday"
          ? `İyi ki doğdunuz! Size ${d.points} puan`
          : `${d.points} puan kazandınız`,
      text: [
        d.source === "birthday"
          ? `İyi ki doğdunuz! Hesabınıza ${d.points} puan ekledik.`
          : `Siparişiniz${d.order_display_id ? ` #${d.order_display_id}` : ""} için teşekkürler: ${d.points} puan kazandınız.`,
        d.available_at
          ? `İade süresi dolduktan sonra, ${day(d.available_at)} tarihinden itibaren kullanabilirsiniz.`
          : "",
        `Şu anda kullanabileceğiniz puan: ${d.balance ?? 0}.`,
      ]
        .filter(Boolean)
        .join("\n\n"),
    }),
  },
  /**
   * Data: `points` (expiring in the next `days` days), `expires_at` (ISO date of the first
   * expiry), `days`, `balance`.
   */
  "aftersales.loyalty.points_expiring": {
    en: (d) => ({
      subject: `${d.points} of your points expire soon`,
      text: [
        `${d.points} of your ${d.balance ?? d.points} points expire within ${d.days ?? 0} days, the first on ${day(d.expires_at)}.`,
        "Use them at checkout before then: they are taken off your order total.",
      ].join("\n\n"),
    }),
    tr: (d) => ({
      subject: `${d.points} puanınızın süresi yakında doluyor`,
      text: [
        `${d.balance ?? d.points} puanınızın ${d.points} tanesinin süresi ${d.days ?? 0} gün içinde doluyor; ilki ${day(d.expires_at)} tarihinde.`,
        "Bu tarihten önce ödeme adımında kullanın: sipariş tutarınızdan düşülür.",
      ].join("\n\n"),
    }),
  },
}
