import { Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A titled block inside a widget, with a muted line when it has nothing to show. */
export const Section = ({
  title,
  empty,
  children,
  testId,
}: {
  title: string
  empty?: string | false
  children?: ReactNode
  testId?: string
}) => (
  <div className="flex flex-col gap-y-2 px-6 py-4" data-testid={testId}>
    <Heading level="h3">{title}</Heading>
    {empty ? (
      <Text size="small" className="text-ui-fg-subtle">
        {empty}
      </Text>
    ) : (
      children
    )}
  </div>
)
