/** Names the first wrong values as `path: what is expected`, for boot errors and 400s. */
export function describeIssues(
  issues: { path: PropertyKey[]; message: string }[],
  prefix = ""
): string {
  return issues
    .slice(0, 5)
    .map((i) => {
      const path = [prefix, ...i.path.map(String)].filter(Boolean).join(".")
      return path ? `${path}: ${i.message}` : i.message
    })
    .join("; ")
}
