import { defineMiddlewares } from "@medusajs/framework/http"
import { carrierWebhookMiddlewares } from "./hooks/aftersales/carrier/middlewares"
import { storeDelayChoiceMiddlewares } from "./store/support-tickets/[id]/delay-choice/middlewares"
import { adminAftersalesSettingsMiddlewares } from "./admin/aftersales/settings/middlewares"
import { adminGesturesMiddlewares } from "./admin/gestures/middlewares"
import { adminSupportTicketsMiddlewares } from "./admin/support-tickets/middlewares"
import { storeGesturesMiddlewares } from "./store/gestures/middlewares"
import { storeSupportTicketsMiddlewares } from "./store/support-tickets/middlewares"
import { storeReturnOptionsMiddlewares } from "./store/orders/[id]/return-options/middlewares"
import { storeReturnRequestsMiddlewares } from "./store/orders/[id]/return-requests/middlewares"
import { storeExchangePaymentMiddlewares } from "./store/orders/[id]/exchange-payment/middlewares"
import { storeReturnsMiddlewares } from "./store/returns/middlewares"
import { storeLoyaltyMiddlewares } from "./store/loyalty/middlewares"
import { storeCartLoyaltyPointsMiddlewares } from "./store/carts/[id]/loyalty-points/middlewares"
import { adminCustomerLoyaltyMiddlewares } from "./admin/customers/[id]/loyalty/middlewares"
import { storeCartCompleteMiddlewares } from "./store/carts/[id]/complete/middlewares"
import { paramGuardMiddlewares } from "./utils/validate-params"
import { adminAftersalesJobsMiddlewares } from "./admin/aftersales/jobs/middlewares"
import { adminAftersalesOverviewMiddlewares } from "./admin/aftersales/overview/middlewares"
import { adminOrderAftersalesMiddlewares } from "./admin/orders/[id]/aftersales/middlewares"
import { storeActiveCustomerMiddlewares } from "./store/active-customer"
import { adminCustomerAftersalesExportMiddlewares } from "./admin/customers/[id]/aftersales-export/middlewares"
import { adminCustomerAftersalesEraseMiddlewares } from "./admin/customers/[id]/aftersales-erase/middlewares"

export default defineMiddlewares({
  routes: [
    // First: a path id no record can have is a 400 before any route or guard reads it.
    ...paramGuardMiddlewares,
    ...carrierWebhookMiddlewares,
    ...storeDelayChoiceMiddlewares,
    ...adminAftersalesSettingsMiddlewares,
    ...adminSupportTicketsMiddlewares,
    ...adminGesturesMiddlewares,
    ...storeSupportTicketsMiddlewares,
    ...storeGesturesMiddlewares,
    ...storeReturnOptionsMiddlewares,
    ...storeReturnRequestsMiddlewares,
    ...storeExchangePaymentMiddlewares,
    ...storeReturnsMiddlewares,
    ...storeLoyaltyMiddlewares,
    ...storeCartLoyaltyPointsMiddlewares,
    ...adminCustomerLoyaltyMiddlewares,
    ...storeCartCompleteMiddlewares,
    ...adminAftersalesJobsMiddlewares,
    ...adminAftersalesOverviewMiddlewares,
    ...adminOrderAftersalesMiddlewares,
    ...storeActiveCustomerMiddlewares,
    ...adminCustomerAftersalesExportMiddlewares,
    ...adminCustomerAftersalesEraseMiddlewares,
  ],
})
