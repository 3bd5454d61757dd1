import { birthdaysOn, isBirthday, normaliseBirthday } from "../birthday"

describe("birthdays", () => {
  it("reads MM-DD and YYYY-MM-DD, nothing else", () => {
    expect(normaliseBirthday("03-05")).toEqual("03-05")
    expect(normaliseBirthday(" 1990-12-31 ")).toEqual("12-31")
    expect(normaliseBirthday("02-29")).toEqual("02-29")
    for (const bad of ["31-31", "02-30", "13-01", "3-5", "1990/03/05", "", 305, null, undefined, {}]) {
      expect([bad, normaliseBirthday(bad)]).toEqual([bad, null])
    }
    expect(isBirthday("04-31")).toBe(false)
  })

  it("celebrates 29 February on the 28th in a year without it, and only then", () => {
    expect(birthdaysOn(new Date("2027-02-28T10:00:00Z"))).toEqual(["02-28", "02-29"])
    expect(birthdaysOn(new Date("2028-02-28T10:00:00Z"))).toEqual(["02-28"])
    expect(birthdaysOn(new Date("2028-02-29T10:00:00Z"))).toEqual(["02-29"])
    expect(birthdaysOn(new Date("2026-11-05T23:59:59Z"))).toEqual(["11-05"])
  })
})
