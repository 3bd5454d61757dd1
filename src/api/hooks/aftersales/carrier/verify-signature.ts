import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { createHmac, timingSafeEqual } from "crypto"
import type { IAftersalesSettingsModuleService } from "../../../../types/settings"
import { CARRIER_REPORT_TOLERANCE_SECONDS } from "../../../../modules/delay_watch/types"
import { AftersalesModules } from "../../../../types/modules"

/** The header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export const CARRIER_SIGNATURE_HEADER = "x-aftersales-signature"

/** The time and signatures a carrier sent; null when the header is not of that form. */
export type CarrierSignature = { timestamp: number; signatures: string[] }

/**
 * The header a carrier sends for a body at a time (unix seconds): the hex HMAC-SHA256, keyed
 * with the shared secret, of the time, a dot and the body bytes exactly as sent. The time is
 * signed with the body, so a captured request stops being accepted once it is older than the
 * tolerance.
 */
export function signCarrierBody(
  secret: string,
  rawBody: Buffer | string,
  timestamp: number = Math.floor(Date.now() / 1000)
): string {
  return `t=${timestamp},v1=${carrierDigest(secret, rawBody, timestamp)}`
}

function carrierDigest(secret: string, rawBody: Buffer | string, timestamp: number): string {
  return createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody).digest("hex")
}

/**
 * Reads `t=<digits>,v1=<64 hex>[,v1=…]` (several `v1` while a secret is being rotated; other
 * keys are ignored, as Stripe does for future schemes). Anything else, the old bare hex
 * included, answers null.
 */
export function parseCarrierSignature(header: unknown): CarrierSignature | null {
  if (typeof header !== "string" || header.length > 2000) {
    return null
  }
  let timestamp: number | null = null
  const signatures: string[] = []
  for (const part of header.split(",")) {
    const eq = part.indexOf("=")
    if (eq < 1) {
      return null
    }
    const key = part.slice(0, eq).trim()
    const value = part.slice(eq + 1).trim()
    if (key === "t") {
      if (timestamp !== null || !/^\d{1,12}$/.test(value)) {
        return null
      }
      timestamp = Number(value)
    } else if (key === "v1") {
      if (!/^[0-9a-fA-F]{64}$/.test(value)) {
        return null
      }
      signatures.push(value.toLowerCase())
    }
  }
  if (timestamp === null || !signatures.length) {
    return null
  }
  return { timestamp, signatures }
}

function unauthorized(message: string) {
  return new MedusaError(MedusaError.Types.UNAUTHORIZED, message)
}

/**
 * Lets a report through only when its header is `t=…,v1=…`, the time is within
 * `CARRIER_REPORT_TOLERANCE_SECONDS` of now (either way), and a `v1` matches the HMAC-SHA256
 * of the time and the body bytes exactly as sent (the route keeps the raw body; re-serialised
 * JSON would differ), compared in constant time. The old bare-hex signature is refused: it
 * signed no time, so a captured body could be replayed forever. Without a configured
 * `carrier_webhook_secret` every report is refused.
 */
export async function verifyCarrierSignature(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction
) {
  const settings: IAftersalesSettingsModuleService = req.scope.resolve(AftersalesModules.SETTINGS)
  const { carrier_webhook_secret: secret } = await settings.getOptions()
  const header = req.headers[CARRIER_SIGNATURE_HEADER]
  const raw: Buffer | undefined = (req as MedusaRequest & { rawBody?: Buffer }).rawBody
  if (!secret || !raw || !header) {
    return next(unauthorized("The carrier report is not signed"))
  }
  const parsed = parseCarrierSignature(header)
  if (!parsed) {
    return next(
      unauthorized(
        `The carrier report's signature header ${CARRIER_SIGNATURE_HEADER} must be "t=<unix seconds>,v1=<hex HMAC-SHA256 of <t>.<body>>"`
      )
    )
  }
  const skew = Math.abs(Math.floor(Date.now() / 1000) - parsed.timestamp)
  if (skew > CARRIER_REPORT_TOLERANCE_SECONDS) {
    return next(
      unauthorized(
        `The carrier report's signature time ${parsed.timestamp} is more than ${CARRIER_REPORT_TOLERANCE_SECONDS} seconds from now`
      )
    )
  }
  const expected = Buffer.from(carrierDigest(secret, raw, parsed.timestamp), "hex")
  const matches = parsed.signatures.some((s) => timingSafeEqual(Buffer.from(s, "hex"), expected))
  if (!matches) {
    return next(unauthorized("The carrier report's signature does not match its body"))
  }
  next()
}
