// Nhãn tiếng Việt, cùng cấu trúc với `en.ts`. Trích dẫn từ bài báo không bao giờ được dịch.
import type { Messages } from './en.ts';

export const vi: Messages = {
  locale: 'vi',

  commands: {
    'who-met': {
      name: 'ai-gặp-ai',
      description: 'Ai đã gặp ai, kèm câu trích dẫn nói điều đó',
      title: 'Ai gặp ai',
    },
    agreements: {
      name: 'thỏa-thuận',
      description: 'Đã thỏa thuận điều gì, giữa những ai, kèm câu trích dẫn',
      title: 'Thỏa thuận',
    },
    ask: {
      name: 'hỏi',
      description: 'Đặt câu hỏi; nhận các đoạn trả lời, trích nguyên văn và ghi nguồn',
      title: 'Trả lời',
    },
    sources: {
      name: 'nguồn',
      description: 'Danh sách các bài báo mà bot dùng để trả lời',
      title: 'Nguồn',
    },
    cite: {
      name: 'trích-dẫn',
      description: 'Nguyên văn một đoạn (hoặc một câu) của bài báo, kèm trích dẫn sẵn để dán',
      title: 'Trích dẫn',
    },
    reload: {
      name: 'tải-lại',
      description: 'Tải lại các bài báo từ ổ đĩa (dành cho điều hành viên)',
    },
    help: {
      name: 'trợ-giúp',
      description: 'Cách dùng citebot',
    },
  },

  options: {
    year: { name: 'năm', description: 'Chỉ năm này, ví dụ 2025' },
    month: { name: 'tháng', description: 'Chỉ tháng này (1-12); dùng cùng với năm' },
    person: { name: 'người', description: 'Người tham gia (gợi ý từ thư viện khi bạn gõ)' },
    topic: { name: 'chủ-đề', description: 'Nội dung thỏa thuận (gợi ý khi bạn gõ)' },
    question: { name: 'câu-hỏi', description: 'Câu hỏi của bạn, bằng tiếng Việt hoặc tiếng Anh' },
    id: { name: 'mã', description: 'Bài báo và đoạn như trong dòng trích dẫn: mã-bài#đoạn' },
    sentence: { name: 'câu', description: 'Chỉ câu này của đoạn (1 là câu đầu)' },
    hide: { name: 'ẩn', description: 'Chỉ mình bạn thấy câu trả lời' },
    mention: { name: 'nhắc', description: 'Người sẽ được thông báo cùng câu trả lời' },
  },

  answer: {
    footer: (count: number, page: number, pages: number) => `${count} kết quả · trang ${page}/${pages}`,
    link: 'liên kết',
    paragraph: (n: number) => `¶ ${n}`,
    moreQuotes: (n: number) => `+ ${n} trích dẫn khác`,
    paragraphs: (n: number) => `${n} đoạn`,
    photoCredit: 'Ảnh',
    outlet: 'Báo',
    untitled: 'không có tiêu đề',
    untitledArticle: 'Bài không có tiêu đề',
    opens: (words: string) => `mở đầu “${words}”`,
    toPaste: 'Sẵn để dán:',
    participants: 'Ai',
    parties: 'Các bên',
    place: 'Ở đâu',
    date: 'Khi nào',
    planned: 'Dự kiến — chưa diễn ra',
    call: 'Điện đàm',
    sharedBy: (mention: string) => `${mention} đã chia sẻ`,
    noPaging: 'Hãy hỏi ngắn hơn để xem hết các kết quả qua từng trang.',
    previous: 'Trước',
    next: 'Tiếp',
    share: 'Đăng lên kênh',
    shareItem: (n: number) => `Đăng mục ${n} lên kênh`,
    ownCopy: 'Bản riêng của bạn: câu trả lời trên kênh vẫn giữ nguyên.',
  },

  understood: {
    meetings: 'Trả lời bằng các cuộc gặp (như /ai-gặp-ai)',
    agreements: 'Trả lời bằng các thỏa thuận (như /thỏa-thuận)',
    noneFound: (kind: 'meetings' | 'agreements') =>
      `Không thấy ${kind === 'meetings' ? 'cuộc gặp' : 'thỏa thuận'} nào; trả lời bằng các đoạn văn`,
    parties: 'về',
    date: (year: number, month?: number) => (month !== undefined ? `tháng ${month}/${year}` : `năm ${year}`),
    dateDropped: (year: number, month?: number) =>
      `không có gì trong ${month !== undefined ? `tháng ${month}/${year}` : `năm ${year}`} nên không giới hạn theo thời điểm đó`,
    yearNotInLibrary: (year: number) => `không có bài nào năm ${year}; đã tìm như một từ`,
    notFound: 'Không tìm thấy',
    translated: 'Đã tìm bằng tiếng Việt',
    missing: 'Đoạn này không có',
  },

  nothingFound: {
    title: 'Không tìm thấy kết quả',
    searched: 'Đã tìm',
    everything: 'tất cả',
    suggestions: 'Có phải bạn muốn tìm',
    years: 'Các năm có bài viết',
    hint: 'Hãy thử ít từ hơn, cách viết khác (có hoặc không dấu), hoặc một năm khác.',
    reasons: {
      noMeetings: 'Không có cuộc gặp nào trong thư viện khớp với yêu cầu này.',
      metInOtherYears: (person: string, years: string) =>
        `${person} có các cuộc gặp trong năm ${years}, nhưng không có trong thời gian bạn hỏi.`,
      noAgreements: 'Không có thỏa thuận nào trong thư viện khớp với yêu cầu này.',
      noPassages: (year: number | undefined) =>
        year !== undefined ? `Không bài nào năm ${year} có từ nào của câu hỏi.` : 'Không bài nào có từ nào của câu hỏi.',
      notAParagraphId: (id: string, example: string) => `${id} không phải mã đoạn: hãy viết theo dạng bài#đoạn, ví dụ ${example}.`,
      noSuchArticle: (id: string, sources: string) => `Thư viện không có bài ${id}. Lệnh ${sources} liệt kê các bài.`,
      noSuchParagraph: (id: string, count: number, paragraph: number) =>
        `Bài ${id} ${count === 1 ? 'chỉ có một đoạn' : `có các đoạn từ 1 đến ${count}`}; không có ¶ ${paragraph}.`,
      noSuchSentence: (id: string, paragraph: number, count: number, sentence: number) =>
        `¶ ${paragraph} của ${id} ${count === 1 ? 'chỉ có một câu' : `có các câu từ 1 đến ${count}`}; không có câu ${sentence}.`,
      emptyLibrary: 'Thư viện chưa có bài nào: người điều hành có thể thêm bài rồi chạy /tải-lại.',
    },
    hints: {
      person: 'Hãy thử một phần của tên (chẳng hạn họ), có hoặc không dấu.',
      otherYears: 'Hãy thử một trong các năm đó, hoặc bỏ năm.',
      topic: 'Hãy thử ít từ hơn hoặc từ khái quát hơn, hoặc bỏ chủ đề.',
      question: 'Hãy thử từ khác, ít từ hơn, hoặc một gợi ý.',
    },
  },

  notices: {
    invalidInput: 'Câu hỏi chưa hợp lệ:',
    error: 'Đã có lỗi khi trả lời. Lỗi đã được ghi lại; vui lòng thử lại sau giây lát.',
    cooldown: (seconds: number) => `Bạn hỏi hơi nhanh. Vui lòng thử lại sau ${seconds} giây.`,
    notOwner: 'Chỉ người đã hỏi mới lật trang của câu trả lời riêng được. Hãy tự chạy lệnh để có bản của riêng bạn.',
    notOwnerShare: 'Chỉ người đã hỏi mới đăng được câu trả lời này lên kênh. Hãy tự chạy lệnh để đăng từ bản của riêng bạn.',
    itemGone: 'Kết quả này không còn trong thư viện (thư viện đã được tải lại). Vui lòng chạy lại lệnh.',
    badButton: 'Nút này đã cũ hoặc bị hỏng. Vui lòng chạy lại lệnh.',
    shareUnavailable: 'Không thể đăng câu trả lời này nữa. Hãy chạy lại lệnh mà không bật ẩn.',
    unknownCommand: 'Lệnh này không còn nữa. Có thể nó đã bị gỡ trong một bản cập nhật.',
  },

  reload: {
    refused: 'Chỉ thành viên có quyền Quản lý máy chủ hoặc vai trò điều hành mới được tải lại thư viện.',
    busy: 'Đang có một lần tải lại. Vui lòng thử lại khi nó xong.',
    otherServer: 'Chỉ có thể thay đổi thư viện từ máy chủ của người vận hành bot. Hãy hỏi người vận hành.',
    noServerConfigured: 'Chưa bật việc thay đổi thư viện từ Discord: người vận hành cần đặt MODERATION_GUILD_IDS (hoặc DISCORD_GUILD_ID).',
    notLoaded: 'Không được nạp',
    undelivered: (result: string, finishedAt: string) =>
      `Lần tải lại trước xong lúc ${finishedAt}, quá muộn để Discord hiện câu trả lời (${result}). Lần này cho thấy tình trạng hiện tại.`,
    okTitle: 'Đã tải lại thư viện',
    failedTitle: 'Tải lại thất bại: thư viện cũ vẫn đang được dùng',
    added: 'Thêm',
    removed: 'Xóa',
    changed: 'Thay đổi',
    none: 'không có',
    noChanges: 'Không có bài nào được thêm, xóa hay thay đổi.',
    totals: (articles: number, paragraphs: number) => `${articles} bài, ${paragraphs} đoạn`,
    took: (ms: number) => `Mất ${ms} ms`,
    moreErrors: (n: number) => `… và ${n} lỗi khác`,
    fix: 'Hãy sửa các dòng này rồi chạy lại /tải-lại:',
    /** Bot chạy nhiều shard (`npm run start:sharded`): mỗi shard một dòng. */
    shards: {
      title: (reloaded: number, total: number) =>
        reloaded === total ? `Đã tải lại thư viện trên cả ${total} shard` : `Đã tải lại thư viện trên ${reloaded}/${total} shard`,
      shard: (id: number) => `Shard ${id}`,
      ok: 'đã tải lại',
      failed: 'thất bại, vẫn dùng thư viện cũ',
      busy: 'đang bận',
      noAnswer: 'không trả lời',
      more: (n: number) => `… và ${n} shard khác`,
    },
  },

  help: {
    title: 'citebot',
    intro:
      'Tôi trả lời câu hỏi về các bài báo trong thư viện bằng đúng lời văn của bài, và cho biết chỗ tìm thấy (báo, tiêu đề, ngày, ¶ đoạn, liên kết hoặc mã bài).',
    commandsTitle: 'Các lệnh',
    tipsTitle: 'Mẹo',
    tips: [
      '`ẩn`: chỉ bạn thấy câu trả lời; mỗi kết quả có nút "Đăng lên kênh" để đăng riêng kết quả đó, kèm trích dẫn.',
      '`nhắc`: thông báo cho một người cùng câu trả lời (cả khi bạn đăng một kết quả sau đó).',
      'Dùng `/trích-dẫn` với mã trong dòng trích dẫn (`mã-bài#đoạn`) để đọc cả đoạn và sao chép trích dẫn soạn sẵn.',
      'Trích dẫn không bao giờ bị dịch hay sửa: chữ **đậm** là những từ khớp với câu hỏi của bạn.',
    ],
    examplesTitle: 'Thử với thư viện này',
    emptyLibrary: 'Thư viện chưa có bài nào: người điều hành có thể thêm bài rồi chạy /tải-lại.',
  },
};
