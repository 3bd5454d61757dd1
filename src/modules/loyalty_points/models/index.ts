export { LoyaltyAccount } from "./loyalty-account"
export { LoyaltyTransaction, LOYALTY_TRANSACTION_TYPES } from "./loyalty-transaction"
