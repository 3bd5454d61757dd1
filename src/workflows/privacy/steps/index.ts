export * from "./cancel-pending-gestures"
export * from "./close-customer-points"
export * from "./erase-customer-return-requests"
export * from "./erase-customer-tickets"
