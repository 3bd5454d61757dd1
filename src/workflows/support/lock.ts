/**
 * The lock every change of a ticket takes, by the shopper (reply, rating) and by agents (reply,
 * update, resolve): a reply read the ticket as open while a resolution was being written and was
 * stored after it with the ticket left resolved. Taking turns on this key, a reply that comes
 * during a resolution sees the ticket resolved and reopens it.
 */
export function ticketLockKey(ticketId: string): string {
  return `aftersales-ticket:${ticketId}`
}

/** How long a ticket change waits for the lock (seconds) and how long an abandoned one lives. */
export const TICKET_LOCK = { timeout: 30, ttl: 120 }
