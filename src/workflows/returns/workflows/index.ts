export * from "./create-return-request"
export * from "./pay-exchange-difference"
