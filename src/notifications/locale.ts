/** The languages the plugin writes to shoppers and agents in. */
export const LOCALES = ["en", "tr"] as const
export type Locale = (typeof LOCALES)[number]

/**
 * The shopper's language: `metadata.locale` on the customer when a storefront sets it, else
 * Turkish for a Turkish-lira order or cart, else English.
 */
export function resolveLocale(input: {
  metadata?: Record<string, unknown> | null
  currency_code?: string | null
}): Locale {
  const wanted = String(input.metadata?.locale ?? "").slice(0, 2).toLowerCase()
  if ((LOCALES as readonly string[]).includes(wanted)) {
    return wanted as Locale
  }
  return input.currency_code?.toLowerCase() === "try" ? "tr" : "en"
}
