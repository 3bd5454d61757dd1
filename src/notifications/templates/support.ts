import type { NotificationTemplate } from "./index"

/** Shopper notifications of the support domain, in English and Turkish. */
export const SUPPORT_TEMPLATES: Record<string, NotificationTemplate> = {
  /** Data: `number`, `subject`, `body` (the agent's reply), `has_account` (false: a guest). */
  "aftersales.support.agent_reply": {
    en: (d) => ({
      subject: `New reply on your request ${d.number ?? ""}`,
      text: [
        `Our team replied to your request ${d.number ?? ""} (${d.subject ?? ""}):`,
        String(d.body ?? ""),
        d.has_account === false ? "You can answer by replying to this email." : "You can answer from your account.",
      ].join("\n\n"),
    }),
    tr: (d) => ({
      subject: `${d.number ?? ""} numaralı talebinize yeni yanıt`,
      text: [
        `Ekibimiz ${d.number ?? ""} numaralı talebinizi (${d.subject ?? ""}) yanıtladı:`,
        String(d.body ?? ""),
        d.has_account === false ? "Bu e-postayı yanıtlayarak cevap verebilirsiniz." : "Hesabınızdan yanıt verebilirsiniz.",
      ].join("\n\n"),
    }),
  },
  /** Data: `number`, `subject`, `outcome`, `has_account`. Asks for the 1–5 rating. */
  "aftersales.support.resolved": {
    en: (d) => ({
      subject: `Your request ${d.number ?? ""} is resolved`,
      text: [
        `We resolved your request ${d.number ?? ""} (${d.subject ?? ""}): ${d.outcome ?? ""}.`,
        d.has_account === false
          ? "How did we do? Just reply to this email with a score from 1 to 5."
          : "How did we do? Please rate our help from 1 to 5 in your account.",
        "If something is still wrong, just reply within 14 days and we will reopen it.",
      ].join("\n\n"),
    }),
    tr: (d) => ({
      subject: `${d.number ?? ""} numaralı talebiniz çözüldü`,
      text: [
        `${d.number ?? ""} numaralı talebinizi (${d.subject ?? ""}) çözdük: ${d.outcome ?? ""}.`,
        d.has_account === false
          ? "Yardımımızı 1 ile 5 arasında bir puanla bu e-postayı yanıtlayarak değerlendirir misiniz?"
          : "Yardımımızı hesabınızdan 1 ile 5 arasında puanlar mısınız?",
        "Hâlâ bir sorun varsa 14 gün içinde yanıt verin, talebinizi yeniden açalım.",
      ].join("\n\n"),
    }),
  },
}
