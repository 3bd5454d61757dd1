import { Heading, Table, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A titled table of the latest records on the overview, or a sentence when there are none. */
export const RecentTable = ({
  title,
  empty,
  rows,
  testId,
}: {
  title: string
  empty: string
  rows: { key: string; cells: ReactNode[] }[]
  testId: string
}) => (
  <div className="flex flex-col gap-y-2">
    <Heading level="h2" className="px-6 pt-4">
      {title}
    </Heading>
    {rows.length ? (
      <Table data-testid={testId}>
        <Table.Body>
          {rows.map((row) => (
            <Table.Row key={row.key}>
              {row.cells.map((cell, i) => (
                <Table.Cell key={i}>{cell}</Table.Cell>
              ))}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    ) : (
      <Text size="small" className="text-ui-fg-subtle px-6 pb-4">
        {empty}
      </Text>
    )}
  </div>
)
