import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/adapt/html.js';

describe('htmlToText', () => {
  it('paragraphs and <br> become newlines, entities are decoded', () => {
    expect(htmlToText('<p>Where is my order #1234?</p>')).toBe('Where is my order #1234?');
    expect(htmlToText('<p>Hi Jane,</p><p>I&#39;ve opened a claim &amp; will write back.</p>')).toBe(
      "Hi Jane,\nI've opened a claim & will write back.",
    );
    expect(htmlToText('line one<br>line two<br/>three')).toBe('line one\nline two\nthree');
    expect(htmlToText('caf&eacute; &lt;ok&gt; &#x1F600; &nbsp;x')).toBe('café <ok> 😀  x');
  });

  it('links keep their text, images and scripts are dropped, headings keep their case', () => {
    expect(htmlToText('<div class="zd-comment"><h2>Order</h2><p>See <a href="https://x.example/t">tracking</a><img src="a.png"></p></div>')).toBe(
      'Order\nSee tracking',
    );
    expect(htmlToText('<p>a</p><script>alert(1)</script>')).toBe('a');
  });

  it('plain text is returned unchanged', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes('<') && !s.includes('&')), (s) => {
        expect(htmlToText(s)).toBe(s);
      }),
    );
  });

  it('never leaves a tag behind', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('<p>', '</p>', '<br>', '<b>', '</b>', 'word', ' ', '&amp;', '<div>', '</div>')), (parts) => {
        expect(htmlToText(parts.join(''))).not.toMatch(/<\/?(p|br|b|div)>/);
      }),
    );
  });
});
