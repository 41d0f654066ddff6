import { describe, expect, it } from "vitest";

import { renderMarkdown } from "./markdown.server";

describe("renderMarkdown", () => {
  it("renders headings, lists, emphasis and GFM tables", () => {
    const html = renderMarkdown("## Outcome\n\n- **450 t** of neodymium\n- review in *March*\n\n| a | b |\n| - | - |\n| 1 | 2 |");
    expect(html).toContain("<h2>Outcome</h2>");
    expect(html).toContain("<strong>450 t</strong>");
    expect(html).toContain("<em>March</em>");
    expect(html).toContain("<table>");
  });

  it("never lets raw HTML through", () => {
    const html = renderMarkdown(
      'Before <script>alert("x")</script> after\n\n<img src=x onerror=alert(1)>\n\n<iframe src="https://evil.example"></iframe>',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).toContain("&lt;script&gt;");
  });

  it("drops javascript:, data: and other non-web links, keeping their text", () => {
    for (const href of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html;base64,PHNjcmlwdD4=",
      "vbscript:x",
      "xmpp:a@b",
      "irc://x",
      "/relative/path",
      "java\tscript:alert(1)",
    ]) {
      const html = renderMarkdown(`[click me](${href})`);
      expect(html, href).not.toMatch(/<a /);
      expect(html, href).not.toMatch(/javascript/i);
      expect(html, href).toContain("click me");
    }
    expect(renderMarkdown("<javascript:alert(1)>")).not.toMatch(/href/);
  });

  it("keeps http, https and mailto links", () => {
    expect(renderMarkdown("[IREL](https://www.irel.co.in/)")).toContain(
      '<a href="https://www.irel.co.in/" rel="nofollow noopener noreferrer">IREL</a>',
    );
    expect(renderMarkdown("[site](http://example.org/a?b=1&c=2)")).toContain('href="http://example.org/a?b=1&amp;c=2"');
    expect(renderMarkdown("[write](mailto:desk@accord.test)")).toContain('href="mailto:desk@accord.test"');
    expect(renderMarkdown("see www.meti.go.jp")).toContain('href="http://www.meti.go.jp"');
  });

  it("shows images as their description only", () => {
    expect(renderMarkdown("![plant in Odisha](https://evil.example/track.png)")).toBe("<p>plant in Odisha</p>");
  });
});
