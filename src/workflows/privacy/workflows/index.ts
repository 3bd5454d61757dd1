export * from "./erase-customer-aftersales"
