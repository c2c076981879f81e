import { descriptionText, htmlToText, looksLikeHtml } from '../../../../src/modules/sources/normalise/html-text';

describe('htmlToText', () => {
  it('turns blocks and <br> into line breaks, decodes entities, and drops scripts and styles', () => {
    const html = '<style>p{color:red}</style><p>Programm&nbsp;&amp; Anmeldung</p><p>14:00 Begr&uuml;&szlig;ung<br>'
      + '15:00 Vortrag</p><script>alert("x")</script><ul><li>eins</li><li>zwei</li></ul>';
    expect(htmlToText(html)).toBe('Programm & Anmeldung\n\n14:00 Begrüßung\n15:00 Vortrag\n\n* eins\n* zwei');
  });

  it('keeps a link target after its text unless they are the same', () => {
    expect(htmlToText('<a href="https://x.example.org/a">Anmeldung</a>')).toBe('Anmeldung [https://x.example.org/a]');
    expect(htmlToText('<a href="https://x.example.org">https://x.example.org</a>')).toBe('https://x.example.org');
  });

  it('keeps headings in their case and drops images and a whole Outlook HTML head', () => {
    expect(htmlToText('<html><head><title>T</title></head><body><h2>Über uns</h2><img src="x.png" alt="Logo"></body></html>'))
      .toBe('Über uns');
  });

  it('gives null for markup without text', () => {
    expect(htmlToText('<p> </p><br>')).toBeNull();
    expect(htmlToText(null)).toBeNull();
  });
});

describe('descriptionText', () => {
  it('converts only what looks like HTML', () => {
    expect(looksLikeHtml('a < b and c > d')).toBe(false);
    expect(looksLikeHtml('Tom &amp; Jerry')).toBe(true);
    expect(looksLikeHtml('<b>fett</b>')).toBe(true);
    expect(descriptionText('a < b and c > d')).toBe('a < b and c > d');
    expect(descriptionText('<b>fett</b> &amp; mager')).toBe('fett & mager');
  });
});
