/**
 * HTML message bodies → plain text, for every adapter whose platform sends HTML (Intercom `body`,
 * Zendesk `html_body`, Gorgias `body_html`). Pure: no IO.
 */
import { compile } from 'html-to-text';

const convert = compile({
  wordwrap: false,
  selectors: [
    { selector: 'p', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: 'div', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((selector) => ({
      selector,
      options: { uppercase: false, leadingLineBreaks: 1, trailingLineBreaks: 1 },
    })),
    { selector: 'table', format: 'block' },
  ],
});

/**
 * Plain text of an HTML body: entities decoded (a no-break space as a space), `<br>` and the end
 * of a paragraph or block as a newline, links as their text, images dropped, surrounding blank
 * space trimmed. Text without
 * markup or entities is returned unchanged.
 */
export function htmlToText(html: string): string {
  if (!html.includes('<') && !html.includes('&')) return html;
  return convert(html).replace(/\u00a0/g, ' ').replace(/\n{3,}/g, '\n\n').trim();
}
