export * from "./approve-goodwill-gesture"
export * from "./issue-goodwill-gesture"
export * from "./mark-gestures-redeemed"
export * from "./revoke-order-gestures"
