/** A date with the time of day, in the admin's language: when a message or an SLA is due. */
export function formatDateTime(value: string | Date | null | undefined, locale?: string) {
  if (!value) return "—"
  return new Date(value).toLocaleString(locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  })
}
