/** "MM-DD" naming a day that exists in some year (02-29 included). */
export function isBirthday(value: string): boolean {
  const match = /^(\d{2})-(\d{2})$/.exec(value)
  if (!match) {
    return false
  }
  const [month, day] = [Number(match[1]), Number(match[2])]
  // 2024 is a leap year, so 02-29 counts as a real day.
  const daysInMonth = new Date(Date.UTC(2024, month, 0)).getUTCDate()
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth
}

/**
 * The birthdays celebrated on a (UTC) day, as "MM-DD": that day, and on 28 February of a year
 * without 29 February also the people born on the 29th.
 */
export function birthdaysOn(date: Date): string[] {
  const pad = (n: number) => String(n).padStart(2, "0")
  const month = date.getUTCMonth() + 1
  const day = date.getUTCDate()
  const days = [`${pad(month)}-${pad(day)}`]
  const year = date.getUTCFullYear()
  const leap = new Date(Date.UTC(year, 1, 29)).getUTCMonth() === 1
  if (month === 2 && day === 28 && !leap) {
    days.push("02-29")
  }
  return days
}

/**
 * The "MM-DD" of a birthday as storefronts keep it in `metadata.birthday`: "MM-DD" or a full
 * "YYYY-MM-DD". Null for anything else (no birthday, or one we cannot read).
 */
export function normaliseBirthday(value: unknown): string | null {
  if (typeof value !== "string") {
    return null
  }
  const trimmed = value.trim()
  const monthDay = /^\d{4}-\d{2}-\d{2}$/.test(trimmed) ? trimmed.slice(5) : trimmed
  return isBirthday(monthDay) ? monthDay : null
}
