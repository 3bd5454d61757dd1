/**
 * Query keys in the shape core's dashboard uses, so one resource's lists and details can be
 * invalidated precisely after a mutation.
 */
export function queryKeysFactory<T extends string>(resource: T) {
  const all = ["aftersales", resource] as const
  return {
    all,
    lists: () => [...all, "list"] as const,
    list: (query?: Record<string, unknown>) => [...all, "list", { query }] as const,
    details: () => [...all, "detail"] as const,
    detail: (id: string, query?: Record<string, unknown>) =>
      [...all, "detail", id, { query }] as const,
  }
}
