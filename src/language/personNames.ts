// What a written name looks like around a title: Vietnamese family names (so `Bộ Công Thương Nguyễn
// Hồng Diên` yields `Nguyễn Hồng Diên`), lowercase particles inside foreign names, and the short
// function words that can never sit inside an organisation's name.

/**
 * Common Vietnamese family names. When a run of capitalised words after a title contains one, the name
 * starts there: everything before it belongs to the title's organisation.
 */
export const VIETNAMESE_FAMILY_NAMES: readonly string[] = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô',
  'Dương', 'Lý', 'Lương', 'Tô', 'Trương', 'Đinh', 'Đào', 'Mai', 'Cao', 'Lâm', 'Đoàn', 'Trịnh', 'Vương', 'Tạ',
  'Kiều', 'Chu', 'Thái', 'Đàm', 'Quách', 'Lại', 'Lưu', 'Triệu', 'Tăng', 'Hà', 'Tống', 'Khuất', 'Châu',
];

/** Lowercase words inside foreign names: `Ursula von der Leyen`, `Ahmad bin Ali`. */
export const NAME_PARTICLES: readonly string[] = ['von', 'van', 'der', 'den', 'de', 'da', 'di', 'du', 'la', 'le', 'bin', 'binti', 'al', 'ibn', 'dos', 'del'];

/**
 * Lowercase syllables that end a noun phrase: prepositions, tense markers and linking words. An
 * organisation name (`Văn phòng An ninh quốc gia`) may continue in lowercase, but never through
 * one of these, so `Chánh Văn phòng Kim đã …` stops at `đã`.
 */
export const PHRASE_BREAKERS: readonly string[] = [
  'và', 'với', 'cùng', 'của', 'cho', 'tới', 'đến', 'tại', 'ở', 'trong', 'ngoài', 'trên', 'dưới', 'về', 'từ', 'vào',
  'theo', 'khi', 'là', 'thì', 'mà', 'nhưng', 'hoặc', 'hay', 'rằng', 'để', 'do', 'bởi', 'vì', 'nếu',
  'đã', 'sẽ', 'đang', 'vừa', 'mới', 'cũng', 'còn', 'được', 'bị', 'không', 'chưa', 'đều', 'vẫn', 'lại', 'có',
  'ông', 'bà', 'ngài', 'này', 'đó', 'ấy', 'các', 'những', 'một', 'hai', 'ba',
  'ngày', 'hôm', 'sáng', 'chiều', 'tối', 'trưa', 'đêm', 'tuần', 'tháng', 'năm', 'lần', 'nay', 'qua',
  'nói', 'cho biết', 'nhấn', 'bày', 'đánh', 'gửi', 'chuyển', 'tham', 'thảo', 'gặp', 'tiếp', 'hội', 'điện', 'ký',
  'nhất', 'cam', 'thông', 'khẳng', 'tuyên', 'phát', 'kêu', 'nêu', 'yêu', 'đề', 'nhận', 'cảm', 'chúc', 'mời',
];
