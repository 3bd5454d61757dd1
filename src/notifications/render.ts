import { MedusaError } from "@medusajs/framework/utils"
import { Locale } from "./locale"
import { NOTIFICATION_TEMPLATES } from "./templates"

/** Renders a template to the subject and plain text sent to the shopper, with simple HTML. */
export function renderNotification(template: string, locale: Locale, data: Record<string, any>) {
  const entry = NOTIFICATION_TEMPLATES[template]
  if (!entry) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown notification template ${template}`)
  }
  const { subject, text } = entry[locale](data)
  const html = text
    .split("\n\n")
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("")
  return { subject, text, html }
}

function escapeHtml(s: string) {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
