export { SupportMessage } from "./support-message"
export { SupportTicket } from "./support-ticket"
export { TicketResolution } from "./ticket-resolution"
