import Medusa from "@medusajs/js-sdk"

/** The JS SDK as the admin uses it: same origin, the admin's session cookie. */
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  debug: import.meta.env.DEV,
  auth: { type: "session" },
})
