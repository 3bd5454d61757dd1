import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { createHmac, timingSafeEqual } from "crypto"
import AftersalesSettingsService from "../../../../modules/aftersales_settings/service"
import { AftersalesModules } from "../../../../types/modules"

/** The header carrying the hex HMAC-SHA256 of the raw body (`sha256=` prefix allowed). */
export const CARRIER_SIGNATURE_HEADER = "x-aftersales-signature"

/** The signature a carrier must send for a body: hex HMAC-SHA256 with the shared secret. */
export function signCarrierBody(secret: string, rawBody: Buffer | string): string {
  return createHmac("sha256", secret).update(rawBody).digest("hex")
}

/**
 * Lets a request through only when its signature matches the HMAC-SHA256 of the body bytes
 * exactly as sent (the route keeps the raw body; re-serialised JSON would differ), compared in
 * constant time. Without a configured `carrier_webhook_secret` every report is refused.
 */
export async function verifyCarrierSignature(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const settings: AftersalesSettingsService = req.scope.resolve(AftersalesModules.SETTINGS)
  const { carrier_webhook_secret: secret } = await settings.getOptions()
  const header = String(req.headers[CARRIER_SIGNATURE_HEADER] ?? "").replace(/^sha256=/, "")
  const raw: Buffer | undefined = (req as MedusaRequest & { rawBody?: Buffer }).rawBody
  if (!secret || !raw || !header) {
    return next(new MedusaError(MedusaError.Types.UNAUTHORIZED, "The carrier report is not signed"))
  }
  const expected = Buffer.from(signCarrierBody(secret, raw), "hex")
  const given = Buffer.from(header, "hex")
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return next(
      new MedusaError(MedusaError.Types.UNAUTHORIZED, "The carrier report's signature does not match its body")
    )
  }
  next()
}
