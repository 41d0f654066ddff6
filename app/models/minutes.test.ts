import { describe, expect, it } from "vitest";

import { canonicalMinutes, paragraphsOf, replaceParagraph } from "~/models/minutes";

describe("minutes text", () => {
  it("numbers blocks separated by blank lines, whatever the line ends and spacing", () => {
    expect(paragraphsOf("One.\r\n\r\nTwo\nstill two.  \n \n\n\nThree.")).toEqual(["One.", "Two\nstill two.", "Three."]);
    expect(paragraphsOf("  \n\n ")).toEqual([]);
  });

  it("gives the same canonical text for the same words", () => {
    expect(canonicalMinutes("A.\r\n\r\n\r\nB. ")).toBe("A.\n\nB.");
    expect(canonicalMinutes(canonicalMinutes("A.\n\nB."))).toBe("A.\n\nB.");
  });

  it("replaces one paragraph and refuses a number that is not there", () => {
    expect(replaceParagraph("A.\n\nB.\n\nC.", 2, " B, amended. ")).toBe("A.\n\nB, amended.\n\nC.");
    expect(() => replaceParagraph("A.", 2, "x")).toThrow(RangeError);
    expect(() => replaceParagraph("A.", 0, "x")).toThrow(RangeError);
  });
});
