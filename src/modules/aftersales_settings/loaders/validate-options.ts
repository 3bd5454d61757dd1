import { LoaderOptions } from "@medusajs/framework/types"
import { resolveOptions } from "../defaults"

/** Refuses to boot with wrong plugin options; the error names the option and what it expects. */
export default async function validateOptionsLoader({ options }: LoaderOptions) {
  resolveOptions(options)
}
