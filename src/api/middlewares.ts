import { defineMiddlewares } from "@medusajs/framework/http"
import { adminAftersalesSettingsMiddlewares } from "./admin/aftersales/settings/middlewares"
import { storeReturnOptionsMiddlewares } from "./store/orders/[id]/return-options/middlewares"
import { storeReturnRequestsMiddlewares } from "./store/orders/[id]/return-requests/middlewares"
import { storeReturnsMiddlewares } from "./store/returns/middlewares"

export default defineMiddlewares({
  routes: [
    ...adminAftersalesSettingsMiddlewares,
    ...storeReturnOptionsMiddlewares,
    ...storeReturnRequestsMiddlewares,
    ...storeReturnsMiddlewares,
  ],
})
