/**
 * Markdown to HTML for notes and comments. micromark escapes raw HTML (no `allowDangerousHtml`)
 * and drops `javascript:` and other dangerous link targets by itself; on top of that Accord keeps
 * only http, https and mailto links and shows images as their description (no remote images).
 */
import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";

const ALLOWED_LINK = /^(https?:\/\/|mailto:)/i;

// micromark's output is well-formed and attribute values are escaped, so these patterns match
// exactly the tags it writes.
const LINK_TAG = /<a href="([^"]*)"([^>]*)>([\s\S]*?)<\/a>/g;
const IMAGE_TAG = /<img src="[^"]*" alt="([^"]*)"[^>]*\/?>/g;

export function renderMarkdown(source: string): string {
  const html = micromark(source, {
    allowDangerousHtml: false,
    allowDangerousProtocol: false,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  });
  return html
    .replace(IMAGE_TAG, (_m, alt: string) => alt)
    .replace(LINK_TAG, (_m, href: string, _rest: string, text: string) =>
      ALLOWED_LINK.test(decodeAmp(href)) ? `<a href="${href}" rel="nofollow noopener noreferrer">${text}</a>` : text,
    );
}

function decodeAmp(value: string): string {
  return value.replace(/&amp;/g, "&");
}
