import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { HttpTypes } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, PromotionActions } from "@medusajs/framework/utils"
import { updateCartPromotionsWithPointsWorkflow } from "../../../../../workflows/loyalty"

/*
 * Replaces core's `POST|DELETE /store/carts/:id/promotions` (a plugin route on the same path
 * wins; core's body and query validation still run before it). Same body, same answer; the
 * only difference is that a points credit is re-valued before the payment collection is
 * refreshed (see `updateCartPromotionsWithPointsWorkflow`).
 */

/** The cart with the requested fields; a 404 naming the id when there is none. */
async function loadCart(req: MedusaRequest<unknown, HttpTypes.SelectParams>, fields: string[]) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({ entity: "cart", fields, filters: { id: req.params.id } })
  if (!cart) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart with id '${req.params.id}' not found`)
  }
  return cart as unknown as HttpTypes.StoreCart
}

async function answerCart(
  req: MedusaRequest<unknown, HttpTypes.SelectParams>,
  res: MedusaResponse<HttpTypes.StoreCartResponse>
) {
  res.status(200).json({ cart: await loadCart(req, req.queryConfig.fields) })
}

/** Adds promotion codes (an empty list removes them all), as core does. */
export const POST = async (
  req: MedusaRequest<HttpTypes.StoreCartAddPromotion, HttpTypes.SelectParams>,
  res: MedusaResponse<HttpTypes.StoreCartResponse>
) => {
  // An unknown cart is a 404 before the workflow, which would fail on it with a 500.
  await loadCart(req, ["id"])
  const codes = req.validatedBody.promo_codes
  await updateCartPromotionsWithPointsWorkflow(req.scope).run({
    input: {
      cart_id: req.params.id,
      promo_codes: codes,
      action: codes.length > 0 ? PromotionActions.ADD : PromotionActions.REPLACE,
    },
  })
  await answerCart(req, res)
}

/** Removes promotion codes, as core does. */
export const DELETE = async (
  req: MedusaRequest<HttpTypes.StoreCartRemovePromotion, HttpTypes.SelectParams>,
  res: MedusaResponse<HttpTypes.StoreCartResponse>
) => {
  await loadCart(req, ["id"])
  await updateCartPromotionsWithPointsWorkflow(req.scope).run({
    input: {
      cart_id: req.params.id,
      promo_codes: req.validatedBody.promo_codes,
      action: PromotionActions.REMOVE,
    },
  })
  await answerCart(req, res)
}
