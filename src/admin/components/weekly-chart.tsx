import { Text } from "@medusajs/ui"
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts"

/** Colours of @medusajs/ui's tags, so the charts sit in the admin's look in light and dark. */
const COLOURS = ["var(--tag-blue-icon)", "var(--tag-orange-icon)", "var(--tag-green-icon)", "var(--tag-purple-icon)", "var(--tag-red-icon)"]

/** A small weekly bar chart: one bar per series, weeks along the bottom. */
export const WeeklyChart = ({
  title,
  data,
  series,
  stacked,
  testId,
}: {
  title: string
  data: Record<string, number | string>[]
  series: { key: string; label: string }[]
  stacked?: boolean
  testId?: string
}) => (
  <div className="flex flex-col gap-y-2" data-testid={testId}>
    <Text size="small" weight="plus">
      {title}
    </Text>
    {/* Inline size: the dashboard's stylesheet only has the utility classes core uses. */}
    <div style={{ width: "100%", height: 200 }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border-base)" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11, fill: "var(--fg-muted)" }} tickLine={false} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: "var(--fg-muted)" }} tickLine={false} />
          <Tooltip
            contentStyle={{
              background: "var(--bg-base)",
              border: "1px solid var(--border-base)",
              borderRadius: 8,
              fontSize: 12,
            }}
          />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {series.map((s, i) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              fill={COLOURS[i % COLOURS.length]}
              stackId={stacked ? "stack" : undefined}
              radius={stacked ? 0 : [3, 3, 0, 0]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  </div>
)
