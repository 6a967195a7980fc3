// How Vietnamese news introduce a person: a title (`Tổng thống`, `Bộ trưởng`…), optionally the
// organisation and country it belongs to, then the name. These tables let the people finder tell the
// role part of `Phó Thủ tướng kiêm Bộ trưởng Bộ Ngoại giao Bỉ Maxime Prévot` from the name.

/**
 * Military ranks: a rank before a name says what the person is, their office (after a comma) says what
 * they do there: `Đại tướng Phan Văn Giang, Bộ trưởng Bộ Quốc phòng` is shown with the office.
 */
export const MILITARY_RANKS: readonly string[] = [
  'Đại tướng',
  'Thượng tướng',
  'Trung tướng',
  'Thiếu tướng',
  'Đô đốc',
  'Phó Đô đốc',
  'Chuẩn Đô đốc',
  'Đại tá',
  'Thượng tá',
];

/**
 * Titles that stand before a person's name, capitalised as news write them. Longer titles win over
 * the shorter ones they start with (`Phó Tổng thư ký` over `Phó`, `Chủ tịch nước` over `Chủ tịch`);
 * matching ignores the case of every word but the first, so `Tổng Thư ký` is found too.
 */
export const PERSON_TITLES: readonly string[] = [
  // Heads of state and government.
  'Tổng thống',
  'Phó Tổng thống',
  'Thủ tướng',
  'Phó Thủ tướng',
  'Chủ tịch',
  'Phó Chủ tịch',
  'Chủ tịch nước',
  'Phó Chủ tịch nước',
  'Chủ tịch Quốc hội',
  'Phó Chủ tịch Quốc hội',
  'Tổng Bí thư',
  'Bí thư',
  'Thường trực Ban Bí thư',
  'Ủy viên Bộ Chính trị',
  'Uỷ viên Bộ Chính trị',
  'Thủ tướng Thường trực',
  'Phó Thủ tướng Thường trực',
  'Quốc vương',
  'Nhà vua',
  'Vua',
  'Nữ hoàng',
  'Hoàng tử',
  'Công chúa',
  'Thái tử',
  'Hoàng đế',
  'Nhật hoàng',
  'Thống đốc',
  'Thị trưởng',
  'Tỉnh trưởng',
  'Chủ nhiệm',
  'Phó Chủ nhiệm',
  // Ministers and their offices.
  'Bộ trưởng',
  'Thứ trưởng',
  'Ngoại trưởng',
  'Quốc vụ khanh',
  'Chánh Văn phòng',
  'Phó Chánh Văn phòng',
  'Cố vấn An ninh quốc gia',
  'Cố vấn',
  'Trợ lý',
  'Đặc phái viên',
  'Phát ngôn viên',
  'Người phát ngôn',
  'Trưởng ban',
  'Phó Trưởng ban',
  'Vụ trưởng',
  'Cục trưởng',
  'Giám đốc',
  'Tổng Giám đốc',
  // International organisations and diplomacy.
  'Tổng thư ký',
  'Phó Tổng thư ký',
  'Đại sứ',
  'Đại biện',
  'Tổng Lãnh sự',
  'Lãnh sự',
  'Trưởng đoàn',
  'Đại diện Thương mại',
  'Đại diện cấp cao',
  'Cao ủy',
  'Cao uỷ',
  // Military.
  'Tổng tư lệnh',
  'Tư lệnh',
  'Tham mưu trưởng',
  'Tổng Tham mưu trưởng',
  'Chủ tịch Hội đồng Tham mưu trưởng Liên quân',
  ...MILITARY_RANKS,
  // Parliaments and parties.
  'Chủ tịch Hạ viện',
  'Chủ tịch Thượng viện',
  'Thượng nghị sĩ',
  'Hạ nghị sĩ',
  'Nghị sĩ',
  'Đại biểu',
  'Lãnh đạo phe',
];

/**
 * Lowercase phrases that stand where a title would before a name: `tiếp người đồng cấp Philippines
 * Gilberto Teodoro` ("his counterpart").
 */
export const TITLE_LIKE_PHRASES: readonly string[] = ['người đồng cấp', 'nhà lãnh đạo', 'lãnh đạo'];

/** Joins two titles held by one person: `Phó Thủ tướng kiêm Bộ trưởng Quốc phòng`. */
export const TITLE_JOINERS: readonly string[] = ['kiêm'];

/**
 * Lowercase words that may sit inside a role before the name: `Đại sứ Nhật Bản tại Việt Nam Ito Naoki`.
 * Only followed by a known place do they belong to the role.
 */
export const ROLE_PLACE_LINKS: readonly string[] = ['tại', 'ở', 'cạnh', 'bên cạnh'];

/**
 * Titles whose next capitalised word group is usually their organisation or portfolio, even when we do
 * not know it: `Chánh Văn phòng An ninh quốc gia`, `Bộ trưởng Kinh tế Tri thức`. After any other title the
 * first capitalised word is taken as the start of a name.
 */
export const TITLES_FOLLOWED_BY_ORGANISATION: readonly string[] = [
  'Bộ trưởng',
  'Thứ trưởng',
  'Chánh Văn phòng',
  'Phó Chánh Văn phòng',
  'Trưởng ban',
  'Phó Trưởng ban',
  'Vụ trưởng',
  'Cục trưởng',
  'Giám đốc',
  'Tổng Giám đốc',
  'Chủ nhiệm',
  'Phó Chủ nhiệm',
];

/**
 * Capitalised nouns that open an organisation's name (`Bộ Quốc phòng`, `Văn phòng Tổng thống`,
 * `Ủy ban châu Âu`). Words after one belong to the organisation, not to a person.
 */
export const ORGANISATION_HEADS: readonly string[] = [
  'Bộ',
  'Văn phòng',
  'Ủy ban',
  'Uỷ ban',
  'Hội đồng',
  'Cơ quan',
  'Tổ chức',
  'Ngân hàng',
  'Cục',
  'Tổng cục',
  'Viện',
  'Quỹ',
  'Ban',
  'Phủ',
  'Liên minh',
  'Tập đoàn',
  'Hiệp hội',
  'Liên đoàn',
  'Tổng công ty',
  'Công ty',
  'Học viện',
  'Đại học',
  'Đảng',
  'Quân đội',
  'Lực lượng',
  'Sở',
  'Tòa án',
  'Toà án',
  'Viện kiểm sát',
];

/**
 * Portfolios and departments as they follow a title or an organisation head. Capitalised on the first
 * syllable only, so without this table `Ngoại giao` would end at the lowercase `giao`.
 */
export const PORTFOLIOS: readonly string[] = [
  'Ngoại giao',
  'Quốc phòng',
  'An ninh quốc gia',
  'An ninh Quốc gia',
  'An ninh Nội địa',
  'Nội vụ',
  'Công an',
  'Tư pháp',
  'Tài chính',
  'Thương mại',
  'Công Thương',
  'Công thương',
  'Kinh tế',
  'Kế hoạch và Đầu tư',
  'Y tế',
  'Giáo dục',
  'Giáo dục và Đào tạo',
  'Xây dựng',
  'Giao thông vận tải',
  'Giao thông',
  'Nông nghiệp',
  'Nông nghiệp và Môi trường',
  'Nông nghiệp và Phát triển nông thôn',
  'Tài nguyên và Môi trường',
  'Khoa học và Công nghệ',
  'Thông tin và Truyền thông',
  'Văn hóa, Thể thao và Du lịch',
  'Văn hoá, Thể thao và Du lịch',
  'Lao động - Thương binh và Xã hội',
  'Lao động',
  'Năng lượng',
  'Môi trường',
  'Nội các',
  'Chính phủ',
  'Quốc hội',
  'Dân tộc và Tôn giáo',
  'Nhà nước',
  'Ngân hàng Nhà nước',
  'Hạ viện',
  'Thượng viện',
  'Tổng Tham mưu',
  'Tham mưu Liên quân',
  'Hải quân',
  'Không quân',
  'Lục quân',
  'Tình báo',
  'Thống nhất',
  'Đối ngoại',
  'Tuyên giáo',
  'Kiểm tra',
  'Tổ chức Trung ương',
  // Capitalised words of many organisations' names, lowercase on their second syllable.
  'Quốc gia',
  'Quốc tế',
  'Nhân dân',
  'Hoàng gia',
  'Liên bang',
  'Cộng hòa',
  'Cộng hoà',
  'Xã hội',
  'Trung ương',
  'Công nghiệp, thương mại và tài nguyên',
  'Công nghiệp, Thương mại và Tài nguyên',
  'Công nghiệp',
  'Thương mại và Công nghiệp',
  'Kinh tế, Thương mại và Công nghiệp',
  'Đất đai, Hạ tầng và Giao thông',
];

/**
 * Words used instead of a title for someone already named: `ông Macron`, `bà Kallas`, `Ngài Guterres`.
 * Lowercase here; matched in either case because a sentence may start with one.
 */
// `anh`, `chị`, `cô` are left out on purpose: in news they are far more often "you", "aunt" or the
// country `Anh` (UK) than a courtesy title before a leader's name.
export const HONORIFICS: readonly string[] = ['ông', 'bà', 'ngài'];

/**
 * Lowercase words before a title that belong to it: `cựu Thủ tướng` (former), `nguyên Bộ trưởng`
 * (former), `tân Tổng thống` (new), `quyền Bộ trưởng` (acting), `đương kim` (incumbent), `cố Tổng
 * thống` (the late). Dropping one changes who the person is today, so they stay in the role.
 */
export const TITLE_QUALIFIERS: readonly string[] = ['cựu', 'nguyên', 'tân', 'quyền', 'đương kim', 'cố', 'tạm quyền'];

/**
 * Lowercase words right after a title that still belong to it: `Tổng thống đắc cử` (president-elect),
 * `Thứ trưởng Bộ Ngoại giao thứ nhất` (first vice minister), `Thủ tướng lâm thời` (interim).
 */
export const TITLE_SUFFIXES: readonly string[] = [
  'đắc cử',
  'thứ nhất',
  'thứ hai',
  'thứ ba',
  'mãn nhiệm',
  'sắp mãn nhiệm',
  'lâm thời',
  'danh dự',
  'thường trực',
];

/**
 * Phrases that name a participant by their relation to another, complete with a country even without
 * a name: `người đồng cấp Nhật Bản` ("his Japanese counterpart"). Shown as written when no name follows.
 */
export const UNNAMED_COUNTERPARTS: readonly string[] = ['người đồng cấp'];
