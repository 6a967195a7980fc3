import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/parseArticle.ts';
import { formatCorpusError, type Article } from '../../src/corpus/types.ts';

const SEED = '000_4f467cfc7a82818c.txt';
const seedBytes = readFileSync(new URL(`../../corpus/${SEED}`, import.meta.url));

function parsed(file: string, content: string | Buffer): Article {
  const result = parseArticle(file, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  if (!result.ok) throw new Error(`expected ${file} to parse, got: ${result.errors.map(formatCorpusError).join('; ')}`);
  return result.article;
}

function errorsOf(file: string, content: string | Buffer): string[] {
  const result = parseArticle(file, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  if (result.ok) throw new Error(`expected ${file} to be rejected`);
  return result.errors.map(formatCorpusError);
}

describe('parseArticle: text articles', () => {
  it('reads the 2023 seed: id from the file name, date, photo credit and a body starting on line 3', () => {
    const article = parsed(SEED, seedBytes);
    expect(article).toMatchObject({
      id: '000_4f467cfc7a82818c',
      file: SEED,
      format: 'text',
      date: { year: 2023, month: 7, text: '2023-07' },
      meta: { credit: 'YONHAP News' },
      bodyLine: 3,
    });
    expect(article.body).toMatch(/^Phát ngôn viên Bộ Ngoại giao Hàn Quốc/);
    expect(article.hash).toBe(createHash('sha256').update(seedBytes).digest('hex'));
  });

  it('cuts every paragraph and sentence as an exact slice of the body', () => {
    const article = parsed(SEED, seedBytes);
    expect(article.paragraphs.length).toBeGreaterThan(5);
    for (const paragraph of article.paragraphs) {
      expect(article.body.slice(paragraph.start, paragraph.end)).toBe(paragraph.text);
      for (const sentence of paragraph.sentences) expect(article.body.slice(sentence.start, sentence.end)).toBe(sentence.text);
    }
  });

  it.each([
    ['date 2024-01-31', { text: '2024-01-31', day: 31 }, undefined],
    ['   date 2024-02 Photo:TTXVN', { text: '2024-02' }, 'TTXVN'],
    ['date 2024-02-29 Photo :  Ảnh: VNA  ', { text: '2024-02-29', day: 29 }, 'Ảnh: VNA'],
  ])('accepts the header %j', (header, date, credit) => {
    const article = parsed('a.txt', `${header}\n\nHai bên hội đàm.`);
    expect(article.date).toMatchObject(date);
    expect(article.meta.credit).toBe(credit);
  });

  it('comes out NFC when the file was saved decomposed (NFD)', () => {
    const article = parsed('a.txt', ' date 2023-07\n\nĐược biết, hai bên đã thông qua văn kiện.'.normalize('NFD'));
    expect(article.body).toBe('Được biết, hai bên đã thông qua văn kiện.'.normalize('NFC'));
    expect(article.paragraphs.numbered(1)!.text).toBe(article.body);
  });

  it('gives the same body and offsets for Windows (CRLF) line ends', () => {
    const lf = parsed('a.txt', 'date 2023-07\n\nĐoạn một. Câu hai.\nĐoạn hai.\n');
    const crlf = parsed('a.txt', 'date 2023-07\r\n\r\nĐoạn một. Câu hai.\r\nĐoạn hai.\r\n');
    expect(crlf.body).toBe(lf.body);
    expect(crlf.paragraphs).toEqual(lf.paragraphs);
  });

  it('ignores a byte-order mark before the header', () => {
    expect(parsed('a.txt', '\uFEFFdate 2023-07\n\nNội dung.').date.text).toBe('2023-07');
  });

  it.each([
    ['date 2023-13\n\nNội dung.', 'a.txt:1: malformed date "2023-13": expected YYYY-MM or YYYY-MM-DD'],
    ['date 2023-7\n\nNội dung.', 'a.txt:1: malformed date "2023-7": expected YYYY-MM or YYYY-MM-DD'],
    ['date 2023-02-29\n\nNội dung.', 'a.txt:1: malformed date "2023-02-29": February 2023 has days 01 to 28'],
    ['date\n\nNội dung.', 'a.txt:1: missing date after "date": expected YYYY-MM or YYYY-MM-DD, e.g. "date 2025-06-24 Photo : TTXVN"'],
    ['Hai bên hội đàm.\n\nNội dung.', 'a.txt:1: missing date: the first line must look like "date 2025-06-24 Photo : TTXVN"'],
    ['date 2023-07 Ảnh: TTXVN\n\nNội dung.', 'a.txt:1: unexpected text after the date: "Ảnh: TTXVN" (only "Photo : <credit>" may follow)'],
    ['date 2023-07\n\n  \n', 'a.txt:2: empty body: write the article text after the header'],
  ])('rejects %j with a file:line reason', (content, message) => {
    expect(errorsOf('a.txt', content)).toEqual([message]);
  });

  it('reports both a bad date and an empty body at once', () => {
    expect(errorsOf('a.txt', 'date 2023-00\n')).toEqual([
      'a.txt:1: malformed date "2023-00": expected YYYY-MM or YYYY-MM-DD',
      'a.txt:2: empty body: write the article text after the header',
    ]);
  });

  it('points at the line of the first byte that is not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('date 2023-07\n\nDòng một.\nDòng '), Buffer.from([0xc4, 0x20]), Buffer.from(' hai.\n')]);
    expect(errorsOf('a.txt', bytes)).toEqual(['a.txt:4: not UTF-8: this line has bytes that are not valid UTF-8 (save the file as UTF-8)']);
  });

  it('rejects a file name that cannot be an article id', () => {
    expect(errorsOf('bài viết.txt', 'date 2023-07\n\nNội dung.')).toEqual([
      'bài viết.txt:0: bad file name "bài viết": use only letters A-Z, digits, "_" and "-" (the name becomes the article id)',
    ]);
  });
});

describe('parseArticle: header fields of text articles', () => {
  const withFields = [
    ' date 2025-06-24 Photo : YONHAP News',
    'Source : Báo Quân đội nhân dân',
    'title: Hàn Quốc và NATO: hợp tác công nghiệp quốc phòng',
    'URL :  https://example.vn/tin/han-quoc-nato ',
    '',
    'Source : câu này là bài báo, không phải trường.',
  ].join('\n');

  it('reads Source, Title and URL lines up to the first blank line, keeping the photo credit apart', () => {
    const article = parsed('a.txt', withFields);
    expect(article.meta).toEqual({
      source: 'Báo Quân đội nhân dân',
      title: 'Hàn Quốc và NATO: hợp tác công nghiệp quốc phòng',
      url: 'https://example.vn/tin/han-quoc-nato',
      credit: 'YONHAP News',
    });
    // After the blank line, "Source :" is article text, quoted like any other.
    expect(article.body).toBe('Source : câu này là bài báo, không phải trường.');
    expect(article.bodyLine).toBe(6);
  });

  it('accepts the photo credit on a line of its own', () => {
    expect(parsed('a.txt', 'date 2025-06\nPhoto : TTXVN\n\nNội dung.').meta).toEqual({ credit: 'TTXVN' });
  });

  it.each([
    ['date 2025-06\nNội dung ngay dưới dòng ngày.\n\nĐoạn hai.', 'a.txt:2: unexpected header line "Nội dung ngay dưới dòng ngày.": only "Source :", "Title :", "URL :", "Photo :" lines may follow the date line; leave a blank line before the article text'],
    ['date 2025-06\nTitel : Tin\n\nNội dung.', 'a.txt:2: unexpected header line "Titel : Tin": only "Source :", "Title :", "URL :", "Photo :" lines may follow the date line; leave a blank line before the article text'],
    ['date 2025-06\nURL : example.vn/tin\n\nNội dung.', 'a.txt:2: bad url "example.vn/tin": expected a web address starting with http:// or https://'],
    ['date 2025-06\nTitle :\n\nNội dung.', 'a.txt:2: empty "Title :" line: write the headline after "Title :" or remove the line'],
    ['date 2025-06\nSource : A\nsource : B\n\nNội dung.', 'a.txt:3: duplicate "Source :" (first set on line 2)'],
    ['date 2025-06 Photo : A\nPhoto : B\n\nNội dung.', 'a.txt:2: duplicate "Photo :" (first set on line 1)'],
    ['date 2025-06\nTitle : Tin\n\n', 'a.txt:3: empty body: write the article text after the header'],
  ])('rejects %j with a file:line reason', (content, message) => {
    expect(errorsOf('a.txt', content)).toEqual([message]);
  });
});

describe('parseArticle: Markdown articles', () => {
  const markdown = [
    '---',
    'title: "Việt Nam và Hàn Quốc hội đàm"',
    'date: 2024-05-20',
    'source: Báo Quân đội nhân dân',
    "url: 'https://example.vn/tin/hoi-dam'",
    'credit: Ảnh: TTXVN',
    'lang: vi',
    '---',
    '',
    'Ngày 20/5, hai bên đã hội đàm tại Hà Nội.',
    '',
    'Hai bên ký biên bản ghi nhớ. Theo đó, đối thoại sẽ diễn ra hằng năm.',
  ].join('\n');

  it('reads the front-matter into date and meta, unquoting values, with the body after the block', () => {
    const article = parsed('b.md', markdown);
    expect(article).toMatchObject({
      id: 'b',
      format: 'markdown',
      date: { year: 2024, month: 5, day: 20, text: '2024-05-20' },
      meta: {
        title: 'Việt Nam và Hàn Quốc hội đàm',
        source: 'Báo Quân đội nhân dân',
        url: 'https://example.vn/tin/hoi-dam',
        credit: 'Ảnh: TTXVN',
        lang: 'vi',
      },
      bodyLine: 10,
    });
    expect([...article.paragraphs].map((paragraph) => paragraph.text)).toEqual([
      'Ngày 20/5, hai bên đã hội đàm tại Hà Nội.',
      'Hai bên ký biên bản ghi nhớ. Theo đó, đối thoại sẽ diễn ra hằng năm.',
    ]);
    expect(article.paragraphs.numbered(2)!.sentences).toHaveLength(2);
  });

  it('needs only a date in the front-matter', () => {
    expect(parsed('c.md', '---\ndate: 2025-06\n---\nNội dung.').meta).toEqual({});
  });

  it.each([
    ['---\ntitle: Tin\n---\n\nNội dung.', 'c.md:1: missing date: add a line like "date: 2025-06" to the front-matter'],
    ['---\ndate: 2025-6\n---\n\nNội dung.', 'c.md:2: malformed date "2025-6": expected YYYY-MM or YYYY-MM-DD'],
    ['---\ndate: 2025-06\nurl: example.vn/tin\n---\n\nNội dung.', 'c.md:3: bad url "example.vn/tin": expected a web address starting with http:// or https://'],
    ['---\ndate: 2025-06\ntittle: Tin\n---\n\nNội dung.', 'c.md:3: unknown front-matter key "tittle" (allowed: title, date, source, url, credit, lang)'],
    ['---\ndate: 2025-06\ndate: 2025-07\n---\n\nNội dung.', 'c.md:3: duplicate front-matter key "date" (first set on line 2)'],
    ['---\ndate: 2025-06\nchỉ là một dòng\n---\n\nNội dung.', 'c.md:3: cannot read front-matter line "chỉ là một dòng": expected "key: value"'],
    ['---\ndate: 2025-06\n\nNội dung.', 'c.md:1: front-matter not closed: add a "---" line after the last "key: value" line'],
    ['Nội dung không có front-matter.', 'c.md:1: missing front-matter: a .md article must start with a "---" line, then "date: 2025-06", then "---"'],
    ['---\ndate: 2025-06\n---\n\n', 'c.md:4: empty body: write the article text after the header'],
  ])('rejects %j with a file:line reason', (content, message) => {
    expect(errorsOf('c.md', content)).toEqual([message]);
  });
});

describe('parseArticle: UTF-8 checking', () => {
  it.each([
    ['a lone continuation byte', [0x80]],
    ['an overlong encoding', [0xc0, 0x80]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a character cut short', [0xe1, 0xbb]],
    ['a Windows-1258 byte', [0xd0]],
  ])('rejects %s on the line where it occurs', (_kind, badBytes) => {
    const bytes = Buffer.concat([Buffer.from('date 2023-07\n\nNội dung '), Buffer.from(badBytes), Buffer.from('\nhết.')]);
    expect(errorsOf('a.txt', bytes)).toEqual(['a.txt:3: not UTF-8: this line has bytes that are not valid UTF-8 (save the file as UTF-8)']);
  });
});

describe("parseArticle: the moderators' guide", () => {
  const guide = readFileSync(new URL('../../corpus/README.md', import.meta.url), 'utf8');
  const firstBlock = (language: string) => new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(guide)?.[1] ?? '';

  it('accepts the .txt example from corpus/README.md', () => {
    const article = parsed('example.txt', firstBlock('text'));
    expect(article.date.text).toBe('2024-03-15');
    expect(article.meta.credit).toBe('TTXVN');
    expect(article.paragraphs).toHaveLength(2);
  });

  it('refuses the pasted-paragraph header that corpus/README.md shows as refused, at line 1', () => {
    const header = /```text\n(date [^\n]*?)\s+← refused/.exec(guide)?.[1];
    expect(header).toBeDefined();
    expect(errorsOf('pasted.txt', Buffer.from(`${header}\n\nĐoạn hai.\n`))).toEqual([expect.stringMatching(/^pasted\.txt:1: the photo credit/)]);
  });

  it('accepts the .txt example with Source, Title and URL lines from corpus/README.md', () => {
    const example = [...guide.matchAll(/```text\n([\s\S]*?)```/g)].map((match) => match[1]!).find((block) => block.includes('Source :'));
    const article = parsed('example.txt', example!);
    expect(article.meta).toMatchObject({ source: 'Báo Thế giới và Việt Nam', credit: 'TTXVN' });
    expect(article.meta.url).toMatch(/^https:\/\//);
  });

  it('accepts the .md example from corpus/README.md', () => {
    const article = parsed('example.md', firstBlock('markdown'));
    expect(article.meta).toMatchObject({ credit: 'Ảnh: TTXVN', lang: 'vi' });
    expect(article.paragraphs).toHaveLength(2);
  });
});

describe('parseArticle: the photo credit is short and not a sentence', () => {
  it('refuses the first paragraph pasted onto the header line, at line 1, instead of making it the credit', () => {
    const result = parseArticle('seoul.txt', Buffer.from('date 2024-11-05 Photo : VNA Ngày 5/11, tại Seoul, hai bên đã hội đàm.\n\nĐoạn hai.\n'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map(formatCorpusError)).toEqual([
      expect.stringMatching(/^seoul\.txt:1: the photo credit "VNA Ngày 5\/11, tại Seoul, hai bên đã hội đàm\." has sentence punctuation .*start the text after the blank line that ends the header$/),
    ]);
  });

  it.each([
    ['a long credit', `date 2024-11 Photo : ${'Nguyễn '.repeat(12)}`, /has more than 8 words|longer than 60/],
    ['a full stop followed by text', 'date 2024-11 Photo : VNA. Hai bên', /sentence punctuation/],
  ])('refuses %s', (_, header, reason) => {
    const result = parseArticle('a.txt', Buffer.from(`${header}\n\nNội dung.\n`));
    expect(!result.ok && result.errors[0]?.reason).toMatch(reason);
  });

  it.each(['YONHAP News', 'Ảnh: TTXVN', 'Reuters/Yonhap', 'Nguyễn Văn A - TTXVN', 'J.Smith'])('accepts the credit %j', (credit) => {
    const result = parseArticle('a.txt', Buffer.from(`date 2024-11 Photo : ${credit}\n\nNội dung.\n`));
    expect(result.ok && result.article.meta.credit).toBe(credit);
  });
});
