// /ask answers the questions people type: on the bundled corpus (every example of issue 10) and on
// fixture articles written for these tests (test/fixtures/ask-corpus), as the CLI and Discord show them.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/libraryStore.ts';
import { answerQuestion } from '../../src/answers/answerQuestion.ts';
import { completeQuestion } from '../../src/answers/autocomplete.ts';
import { renderAnswerText } from '../../src/cli/renderText.ts';
import { renderAnswer } from '../../src/discord/renderAnswer.ts';
import type { Library } from '../../src/library/library.ts';
import type { Answer } from '../../src/answers/answer.ts';

let bundled: Library;
let fixtures: Library;
let loaderFixtures: Library;
beforeAll(async () => {
  const load = async (dir: string) => {
    const loaded = await loadLibrary(dir);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    return loaded.library;
  };
  [bundled, fixtures, loaderFixtures] = await Promise.all([load('corpus'), load('test/fixtures/ask-corpus'), load('test/fixtures/corpus')]);
});

/** Every question of this file has an answer, and every quote is the article's own text. */
function ask(library: Library, question: string, year?: number): Answer {
  const answer = answerQuestion(library, { command: 'ask', question, ...(year !== undefined ? { year } : {}) });
  expect(answer.items.length, `no answer to "${question}"`).toBeGreaterThan(0);
  for (const item of answer.items) {
    for (const citation of item.citations) {
      expect(library.articlesById.get(citation.articleId)!.paragraphs.numbered(citation.paragraph)!.text).toContain(citation.quote);
    }
  }
  return answer;
}
const firstQuote = (answer: Answer) => answer.items.at(0)?.citations[0]?.quote ?? '';
const quotes = (answer: Answer) => [...answer.items].map((item) => item.citations.map((citation) => citation.quote).join('\n'));
const discordText = (answer: Answer, locale = 'en') => {
  const { payload } = renderAnswer(answer, { locale, askerId: '1' });
  return [payload.content ?? '', ...(payload.embeds ?? []).map((embed) => `${embed.title ?? ''}\n${embed.description ?? ''}`)].join('\n');
};

describe('/ask on the bundled corpus: the examples of issue 10', () => {
  it('a year in the question keeps to that year: `hội nghị NATO năm 2025 ở đâu` quotes the 2025 paragraph that says `tại Hà Lan` first', () => {
    const answer = ask(bundled, 'hội nghị NATO năm 2025 ở đâu');
    expect(answer.understood?.date).toEqual({ year: 2025, words: 'năm 2025' });
    expect([...answer.items].every((item) => item.date.startsWith('2025'))).toBe(true);
    expect(firstQuote(answer)).toContain('tại Hà Lan');
  });

  it('`Hội nghị thượng đỉnh NATO 2023 diễn ra ở đâu` quotes the 2023 summit and where', () => {
    const answer = ask(bundled, 'Hội nghị thượng đỉnh NATO 2023 diễn ra ở đâu');
    expect(answer.items.at(0)?.date).toBe('2023-07');
    expect(firstQuote(answer)).toContain('bên lề Hội nghị thượng đỉnh NATO');
  });

  it('`NATO 2023` finds the 2023 passages', () => {
    const answer = ask(bundled, 'NATO 2023');
    expect(answer.items.length).toBeGreaterThan(2);
    expect([...answer.items].every((item) => item.date === '2023-07')).toBe(true);
  });

  it('a filler word no article needs does not wipe the answer: `Stoltenberg nói gì về Ukraine`', () => {
    const answer = ask(bundled, 'Stoltenberg nói gì về Ukraine');
    expect(firstQuote(answer)).toMatch(/Stoltenberg.*Ukraine/);
    expect(answer.understood?.notFound).toBeUndefined();
  });

  it('`ông Wi gửi thư gì cho Rutte` quotes the letter to Rutte (the article says `chuyển bức thư`)', () => {
    const answer = ask(bundled, 'ông Wi gửi thư gì cho Rutte');
    expect(firstQuote(answer)).toContain('chuyển bức thư của Tổng thống Lee tới ông Rutte');
  });

  it('a word no passage holds leaves the others to answer, and the reply names it', () => {
    const answer = ask(bundled, 'ông Wi trao bức thư cho Rutte ở Amsterdam');
    expect(firstQuote(answer)).toContain('chuyển bức thư của Tổng thống Lee tới ông Rutte');
    expect(answer.understood?.notFound).toEqual(expect.arrayContaining(['Amsterdam']));
    const first = answer.items.at(0);
    expect(first?.kind === 'passage' ? first.missingWords : undefined).toEqual(expect.arrayContaining(['Amsterdam']));
  });

  it('`Hàn Quốc và NATO đã ký gì` answers with the agreements of both, and says so', () => {
    const answer = ask(bundled, 'Hàn Quốc và NATO đã ký gì');
    expect(answer.understood).toMatchObject({ answering: 'agreements', parties: ['Hàn Quốc', 'NATO'] });
    expect([...answer.items].every((item) => item.kind === 'agreement')).toBe(true);
    const all = quotes(answer).join('\n');
    expect(all).toContain('Hai bên đã nhất trí thành lập cơ chế tham vấn công nghiệp quốc phòng');
    expect(all).toContain('(ITPP)');
    // `Seoul và NATO đã cam kết` is South Korea committing.
    expect(all).toContain('Seoul và NATO đã cam kết');
  });

  it('`ai gặp Rutte` answers with the meetings /who-met gives, the 25/6 event included', () => {
    const answer = ask(bundled, 'ai gặp Rutte');
    expect(answer.understood).toMatchObject({ answering: 'meetings', parties: ['Rutte'] });
    const whoMet = answerQuestion(bundled, { command: 'who-met', person: 'Rutte' });
    expect([...answer.items].map((item) => item.citations[0]!.quote)).toEqual([...whoMet.items].map((item) => item.citations[0]!.quote));
    expect([...answer.items].map((item) => item.date)).toContain('2025-06-25');
  });

  it('other ways to ask who met whom', () => {
    for (const question of ['Rutte gặp ai', 'ông Wi đã hội đàm với ai', 'who did Rutte meet']) {
      const answer = ask(bundled, question);
      expect(answer.understood?.answering).toBe('meetings');
      expect(answer.items.length).toBeGreaterThan(0);
    }
    const when = ask(bundled, 'when did Yoon meet Stoltenberg');
    expect([...when.items].map((item) => item.date)).toEqual(['2023-07-11']);
  });

  it('falls back to passages when the engine has nothing, and says so', () => {
    const answer = ask(bundled, 'ai gặp Stoltenberg năm 2025');
    expect(answer.understood).toMatchObject({ answering: 'passages', noneFound: 'meetings' });
    expect([...answer.items].every((item) => item.kind === 'passage')).toBe(true);
  });

  it('a number that is not a year is searched as text: `11 lĩnh vực`, `5.800 tỷ đồng`', () => {
    expect(firstQuote(ask(bundled, '11 lĩnh vực'))).toContain('11 lĩnh vực');
    const amount = ask(loaderFixtures, '5.800 tỷ đồng');
    expect(amount.understood?.date).toBeUndefined();
    expect(firstQuote(amount)).toContain('5.800 tỷ đồng');
  });

  it('a month and year keep to that month: `hợp tác tháng 6/2025`', () => {
    const answer = ask(bundled, 'hợp tác tháng 6/2025');
    expect(answer.understood?.date).toEqual({ year: 2025, month: 6, words: 'tháng 6/2025' });
    expect(answer.items.length).toBeGreaterThan(0);
    expect([...answer.items].every((item) => item.date === '2025-06')).toBe(true);
  });

  it('the year option wins over a year in the question', () => {
    const answer = ask(bundled, 'NATO 2025', 2023);
    expect(answer.understood?.date).toBeUndefined();
    expect([...answer.items].every((item) => item.date === '2023-07')).toBe(true);
  });

  it('never answers nothing when some words are in the corpus, and names those that are not', () => {
    const answer = ask(bundled, 'giá vàng hôm nay');
    expect(answer.items.length).toBeGreaterThan(0);
    expect(answer.understood?.notFound).toEqual(expect.arrayContaining(['vàng', 'hôm']));
    // `giá` typed with its marks is the `giá` of `giá trị`, never the `gia` of `tham gia`.
    for (const quote of quotes(answer)) expect(quote.toLowerCase()).toMatch(/giá|nay/);
  });

  it('English: translated through the built-in glossary, and the reply shows the Vietnamese searched', () => {
    const agreed = ask(bundled, 'what did South Korea and NATO agree');
    expect(agreed.understood).toMatchObject({
      answering: 'agreements',
      translated: [{ english: 'South Korea', vietnamese: expect.arrayContaining(['Hàn Quốc']) }],
    });
    expect(agreed.items.length).toBeGreaterThan(2);
    const summit = ask(bundled, 'summit in 2023');
    expect(summit.understood?.date).toEqual({ year: 2023, words: 'in 2023' });
    expect(summit.understood?.translated?.[0]).toMatchObject({ english: 'summit' });
    expect(firstQuote(summit)).toContain('Hội nghị thượng đỉnh NATO');
    // The article words it `Hội nghị thượng đỉnh Tổ chức … (NATO)`: the words, scattered, still answer within the year.
    const where = ask(bundled, 'where was the NATO summit held in 2025');
    expect(where.understood?.date).toEqual({ year: 2025, words: 'in 2025' });
    expect(firstQuote(where)).toContain('tại Hà Lan');
  });
});

describe('/ask on fixture articles: the sentence that holds the kind of answer asked for', () => {
  it('bao nhiêu → a number with its unit', () => {
    expect(firstQuote(ask(fixtures, 'xuất khẩu thủy sản đạt bao nhiêu'))).toContain('9,2 tỷ USD');
  });

  it('bao lâu / kéo dài → a duration', () => {
    expect(firstQuote(ask(fixtures, 'vòng đàm phán hiệp định thương mại số kéo dài bao lâu'))).toContain('18 tháng');
    expect(firstQuote(ask(fixtures, 'Diễn đàn Kinh tế Mekong diễn ra bao lâu'))).toContain('trong hai ngày');
  });

  it('khi nào / ngày nào / when → a date', () => {
    expect(firstQuote(ask(fixtures, 'Diễn đàn Kinh tế Mekong diễn ra khi nào'))).toContain('20-21/1');
    expect(firstQuote(ask(fixtures, 'Nguyễn Hồng Diên hội đàm ngày nào'))).toContain('Ngày 12/6');
  });

  it('ở đâu / tại đâu / where → a place, within the month asked: `ở đâu … tháng 1/2026`', () => {
    expect(firstQuote(ask(fixtures, 'Hội chợ thủy sản tổ chức ở đâu'))).toContain('tại Thành phố Hồ Chí Minh');
    const forum = ask(fixtures, 'Diễn đàn Kinh tế Mekong ở đâu tháng 1/2026');
    expect(forum.understood?.date).toEqual({ year: 2026, month: 1, words: 'tháng 1/2026' });
    expect(firstQuote(forum)).toContain('tại thành phố Cần Thơ');
  });

  it('ai / là ai / who → a person with a title', () => {
    expect(firstQuote(ask(fixtures, 'ai là Bộ trưởng Thương mại Australia'))).toContain('Bộ trưởng Thương mại Australia Don Farrell');
  });

  it('là gì / what is → a definition', () => {
    expect(firstQuote(ask(fixtures, 'RCEP là gì'))).toContain('RCEP (Hiệp định Đối tác Kinh tế Toàn diện Khu vực)');
  });

  it('gồm những → a list', () => {
    expect(firstQuote(ask(fixtures, 'RCEP gồm những nước nào'))).toContain('gồm 15 nước thành viên');
  });

  it('tại sao / vì sao / why → a reason', () => {
    expect(firstQuote(ask(fixtures, 'vì sao cước vận tải biển tăng'))).toContain('vì căng thẳng');
    expect(firstQuote(ask(fixtures, 'tại sao thành lập nhóm công tác chung'))).toContain('nhằm tháo gỡ');
  });

  it('meetings and agreements of people the corpus names, in English too', () => {
    expect(ask(fixtures, 'ai đã hội đàm với Don Farrell').understood?.answering).toBe('meetings');
    expect([...ask(fixtures, 'Hun Manet gặp ai').items].map((item) => item.date)).toEqual(['2026-01']);
    const agreed = ask(fixtures, 'what did Australia agree');
    expect(agreed.understood?.answering).toBe('agreements');
    expect(firstQuote(agreed)).toContain('ký kết bản ghi nhớ');
  });

  it('a relative year counts from the newest article and is dropped, saying so, when nothing matches within it', () => {
    const answer = ask(fixtures, 'hội chợ thủy sản năm ngoái');
    expect(answer.understood?.dateDropped).toEqual({ year: 2025, words: 'năm ngoái' });
    expect(firstQuote(answer)).toContain('Hội chợ thủy sản');
  });

  it('English on a corpus without a glossary of its own', () => {
    const answer = ask(fixtures, 'export');
    expect(answer.understood?.translated).toEqual([{ english: 'export', vietnamese: expect.arrayContaining(['xuất khẩu']) }]);
    expect(firstQuote(answer).toLowerCase()).toContain('xuất khẩu');
  });
});

describe('how the question was read, as the CLI and Discord show it', () => {
  it('the date, what is answered, words not found and the Vietnamese searched, in English and Vietnamese', () => {
    const dated = ask(bundled, 'hội nghị NATO năm 2025 ở đâu');
    expect(renderAnswerText(dated)).toContain('in 2025');
    expect(discordText(dated)).toContain('in 2025');
    expect(discordText(dated, 'vi')).toContain('năm 2025');

    const meetings = ask(bundled, 'ai gặp Rutte');
    expect(renderAnswerText(meetings)).toContain('Answering with meetings (as /who-met)');
    expect(discordText(meetings, 'vi')).toContain('Trả lời bằng các cuộc gặp');

    const partial = ask(fixtures, 'hội chợ thủy sản Bitcoin');
    expect(renderAnswerText(partial)).toContain('Not found: Bitcoin');
    expect(discordText(partial)).toContain('Not found: Bitcoin');
    expect(discordText(partial)).toContain('Not in this passage: Bitcoin');
    expect(discordText(partial, 'vi')).toContain('Không tìm thấy: Bitcoin');

    const english = ask(bundled, 'what did South Korea and NATO agree');
    expect(renderAnswerText(english)).toContain('Searched in Vietnamese: South Korea → Hàn Quốc');
    expect(discordText(english, 'vi')).toContain('Đã tìm bằng tiếng Việt: South Korea → Hàn Quốc');
  });
});

describe('/ask autocomplete reads the question the same way', () => {
  const values = (typed: string) => completeQuestion(bundled, typed).map((entry) => entry.value);

  it('completes a half-typed year with the years there are, keeping the question', () => {
    expect(values('hội nghị NATO năm 20')).toEqual(['hội nghị NATO năm 20', 'hội nghị NATO năm 2025', 'hội nghị NATO năm 2023']);
  });

  it('completes a half-typed name in a question about meetings', () => {
    expect(values('ai gặp Rut')).toContain('ai gặp Mark Rutte');
  });

  it('completes the words to search and keeps the question words around them', () => {
    expect(values('hoi nghi thuong dinh o dau').slice(1)).toContain('Hội nghị thượng đỉnh o dau');
  });
});
