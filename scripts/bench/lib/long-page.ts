/**
 * The long page of the page benchmark: about 1,000,000 characters of varied Chinese in ordinary
 * news markup, built at run time from the throughput benchmark's corpus (CPP dev sentences
 * regrouped into paragraphs, every other one in Taiwan traditional script, the sample article's
 * paragraphs in between). Generated in memory and served from 127.0.0.1; never written to the
 * project (the sentences carry their own licence).
 */
import { escapeHtml } from '../../lib/fixture-server';
import { buildCorpus } from '../throughput';

export interface LongPage {
  readonly html: string;
  /** Characters (code points) of Chinese text in the body. */
  readonly chars: number;
  readonly paragraphs: number;
  /** One sentence on how it was made, for the report. */
  readonly description: string;
}

/** A section heading after this many paragraphs, as long articles and live blogs have. */
const SECTION_EVERY = 100;

export function buildLongPage(): LongPage {
  const corpus = buildCorpus();
  const body: string[] = [];
  let chars = corpus.chars;
  corpus.paragraphs.forEach((paragraph, i) => {
    if (i % SECTION_EVERY === 0) {
      const heading = `第${i / SECTION_EVERY + 1}節`;
      chars += Array.from(heading).length;
      body.push(`<h2>${heading}</h2>`);
    }
    body.push(`<p>${escapeHtml(paragraph)}</p>`);
  });
  const html = `<!doctype html>
<html lang="zh">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Long page benchmark</title>
    <style>
      body { margin: 0; font: 17px/1.8 "Noto Sans CJK SC", sans-serif; color: #222; }
      header, footer { background: #b71c1c; color: #fff; padding: 12px 24px; }
      main { max-width: 760px; margin: 24px auto; padding: 0 20px; }
    </style>
  </head>
  <body>
    <header><a href="#" style="color:#fff">Long page</a></header>
    <main><article>
${body.join('\n')}
    </article></main>
    <footer>Generated for the page benchmark</footer>
  </body>
</html>
`;
  return {
    html,
    chars,
    paragraphs: corpus.paragraphs.length,
    description:
      `${chars.toLocaleString('en-US')} characters in ${corpus.paragraphs.length.toLocaleString('en-US')} ` +
      `paragraphs (${corpus.simplifiedChars.toLocaleString('en-US')} of CPP dev sentences as they are, ` +
      `${corpus.traditionalChars.toLocaleString('en-US')} converted to Taiwan traditional, ` +
      `${corpus.articleChars.toLocaleString('en-US')} of the sample article), a heading every ` +
      `${SECTION_EVERY} paragraphs; ${Math.round(Buffer.byteLength(html) / 1024).toLocaleString('en-US')} KB of HTML`,
  };
}
