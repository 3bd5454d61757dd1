/** Money in the admin's language, e.g. "€ 12.50" or "₺ 1.250,00". */
export function formatMoney(amount: number, currency: string, locale?: string) {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(amount)
  } catch {
    return `${amount} ${currency.toUpperCase()}`
  }
}

/** A date (no time) in the admin's language. */
export function formatDate(value: string | Date | null | undefined, locale?: string) {
  if (!value) return "—"
  return new Date(value).toLocaleDateString(locale, { year: "numeric", month: "short", day: "numeric" })
}
