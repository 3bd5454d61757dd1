/**
 * The lock key that makes returns of one order take turns: our return-request workflow and
 * the guard on core's `POST /store/returns` both hold it while they check and create, so two
 * requests at once cannot both pass the returnable-quantity check.
 */
export function returnLockKey(orderId: string): string {
  return `aftersales-return-request:${orderId}`
}
