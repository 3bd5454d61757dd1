import { MiddlewareRoute } from "@medusajs/framework/http"
import { AftersalesPermissions } from "../../../../../types/permissions"
import { validateLoyaltyPageQuery } from "../../../../store/loyalty/validators"
import { requirePerson } from "../../../../utils/require-person"
import { validateBody } from "../../../../utils/validate-body"
import { AdminCreateLoyaltyAdjustment } from "./validators"

// Core's `/admin/customers/*` asks `customer:read` of these too; points need their own rights.
export const adminCustomerLoyaltyMiddlewares: MiddlewareRoute[] = [
  {
    methods: ["GET"],
    matcher: "/admin/customers/:id/loyalty",
    middlewares: [validateLoyaltyPageQuery],
    policies: [AftersalesPermissions.READ_LOYALTY_POINTS],
  },
  {
    methods: ["POST"],
    matcher: "/admin/customers/:id/loyalty/adjustments",
    middlewares: [
      requirePerson("Adjusting loyalty points"),
      validateBody(AdminCreateLoyaltyAdjustment),
    ],
    policies: [AftersalesPermissions.ADJUST_LOYALTY_POINTS],
  },
]
