// Countries, regions, cities and organisations as Vietnamese news write them. They are part of a
// person's role, never of the name: `Tổng thống Pháp Emmanuel Macron` is role `Tổng thống Pháp`,
// name `Emmanuel Macron`. Matched word for word and case-sensitively; longer entries win
// (`Ấn Độ-Thái Bình Dương` over `Ấn Độ`).

export const COUNTRIES: readonly string[] = [
  'Việt Nam', 'Hàn Quốc', 'Triều Tiên', 'Nhật Bản', 'Trung Quốc', 'Đài Loan', 'Mông Cổ', 'Mỹ', 'Hoa Kỳ', 'Nga',
  'Ukraine', 'Belarus', 'Australia', 'Úc', 'New Zealand', 'Canada', 'Mexico', 'Brazil', 'Argentina', 'Chile',
  'Anh', 'Vương quốc Anh', 'Pháp', 'Đức', 'Ý', 'Italy', 'Tây Ban Nha', 'Bồ Đào Nha', 'Hà Lan', 'Bỉ', 'Luxembourg',
  'Thụy Sĩ', 'Thuỵ Sĩ', 'Áo', 'Ba Lan', 'Séc', 'Slovakia', 'Hungary', 'Romania', 'Bulgaria', 'Hy Lạp',
  'Thổ Nhĩ Kỳ', 'Thụy Điển', 'Thuỵ Điển', 'Na Uy', 'Phần Lan', 'Đan Mạch', 'Iceland', 'Ireland', 'Estonia',
  'Latvia', 'Lithuania', 'Litva', 'Moldova', 'Gruzia', 'Georgia', 'Armenia', 'Azerbaijan', 'Kazakhstan',
  'Uzbekistan', 'Bắc Macedonia', 'Serbia', 'Croatia', 'Slovenia', 'Montenegro', 'Albania', 'Bosnia và Herzegovina',
  'Ấn Độ', 'Pakistan', 'Bangladesh', 'Sri Lanka', 'Nepal', 'Iran', 'Iraq', 'Israel', 'Palestine', 'Syria',
  'Liban', 'Jordan', 'Ai Cập', 'Saudi Arabia', 'Ả Rập Xê Út', 'Qatar', 'UAE', 'Các Tiểu vương quốc Ả Rập Thống nhất',
  'Bắc Triều Tiên', 'Các Tiểu vương quốc Ả-rập Thống nhất', 'Các Tiểu vương quốc Ả Rập Thống Nhất', 'Ả-rập Xê-út', 'Ả Rập Saudi',
  'Kuwait', 'Oman', 'Yemen', 'Afghanistan', 'Nam Phi', 'Nigeria', 'Kenya', 'Ethiopia', 'Algeria', 'Maroc', 'Morocco',
  'Lào', 'Campuchia', 'Thái Lan', 'Myanmar', 'Malaysia', 'Singapore', 'Indonesia', 'Philippines', 'Brunei',
  'Timor-Leste', 'Đông Timor', 'Cuba', 'Venezuela', 'Colombia', 'Peru',
];

export const REGIONS: readonly string[] = [
  'châu Âu', 'châu Á', 'châu Phi', 'châu Mỹ', 'Mỹ Latinh', 'Trung Đông', 'Đông Nam Á', 'Đông Bắc Á', 'Nam Á',
  'Trung Á', 'Bắc Âu', 'Đông Âu', 'Tây Âu', 'Ấn Độ-Thái Bình Dương', 'Ấn Độ - Thái Bình Dương',
  'châu Á-Thái Bình Dương', 'châu Á - Thái Bình Dương', 'Thái Bình Dương', 'Đại Tây Dương', 'Bắc Đại Tây Dương',
  'Ấn Độ Dương', 'Biển Đông', 'Bán đảo Triều Tiên', 'bán đảo Triều Tiên', 'Baltic', 'Balkan', 'Bắc Cực',
];

export const CITIES: readonly string[] = [
  'Hà Nội', 'Thành phố Hồ Chí Minh', 'TP Hồ Chí Minh', 'TP.HCM', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế', 'Hạ Long',
  'Bà Rịa - Vũng Tàu', 'Bà Rịa-Vũng Tàu', 'Seoul', 'Busan', 'Bình Nhưỡng', 'Tokyo', 'Osaka', 'Bắc Kinh', 'Thượng Hải',
  'Hong Kong', 'Hồng Kông', 'Đài Bắc', 'Washington', 'Washington D.C.', 'New York', 'Moskva', 'Moscow', 'Kiev', 'Kyiv',
  'London', 'Paris', 'Berlin', 'Rome', 'Madrid', 'Brussels', 'Bruxelles', 'The Hague', 'La Haye', 'Amsterdam',
  'Vilnius', 'Warsaw', 'Vacsava', 'Geneva', 'Vienna', 'Stockholm', 'Oslo', 'Helsinki', 'Copenhagen',
  'Canberra', 'Sydney', 'Wellington', 'Ottawa', 'New Delhi', 'Jakarta', 'Bangkok', 'Vientiane', 'Viêng Chăn',
  'Phnom Penh', 'Kuala Lumpur', 'Manila', 'Ankara', 'Istanbul', 'Tehran', 'Jerusalem', 'Riyadh', 'Doha', 'Dubai',
  'Cairo', 'Davos', 'Munich', 'Nhà Trắng', 'Điện Kremlin', 'Kremlin', 'Lầu Năm Góc',
];

/** Organisations, with the acronym news put after them in brackets; both spellings are listed. */
export const ORGANISATIONS: readonly string[] = [
  'Tổ chức Hiệp ước Bắc Đại Tây Dương', 'NATO', 'Liên minh châu Âu', 'EU', 'Ủy ban châu Âu', 'Uỷ ban châu Âu', 'EC',
  'Hội đồng châu Âu', 'Nghị viện châu Âu', 'Liên hợp quốc', 'Liên Hợp Quốc', 'LHQ', 'Hội đồng Bảo an',
  'Hội đồng Bảo an Liên hợp quốc', 'Đại hội đồng Liên hợp quốc', 'Hiệp hội các quốc gia Đông Nam Á', 'ASEAN',
  'Diễn đàn Hợp tác Kinh tế châu Á-Thái Bình Dương', 'APEC', 'Nhóm các nền kinh tế phát triển', 'G7', 'G20',
  'Quỹ Tiền tệ Quốc tế', 'IMF', 'Ngân hàng Thế giới', 'WB', 'Tổ chức Thương mại Thế giới', 'WTO',
  'Tổ chức Y tế Thế giới', 'WHO', 'Cơ quan Năng lượng Nguyên tử Quốc tế', 'IAEA', 'Liên minh châu Phi', 'AU',
  'Nhóm Bộ tứ', 'Bộ tứ', 'Quad', 'AUKUS', 'BRICS', 'Tổ chức Hợp tác Thượng Hải', 'SCO', 'OPEC',
  'Hàn-NATO',
];

/** Lowercase words news put before a city or site: `tại thủ đô Hà Nội`, `ở trụ sở NATO`. */
export const PLACE_PREFIXES: readonly string[] = [
  'thủ đô', 'thành phố', 'tỉnh', 'trụ sở', 'thủ phủ', 'đảo', 'khu vực', 'bang', 'quận', 'huyện', 'thị xã', 'thị trấn',
  'phường', 'xã', 'làng', 'khu nghỉ dưỡng', 'khu phi quân sự', 'khu', 'căn cứ', 'cảng', 'sân bay', 'vùng', 'biên giới',
];

/** Every place and organisation name, for the role/name split and for agreement parties. */
export const PLACE_NAMES: readonly string[] = [...COUNTRIES, ...REGIONS, ...CITIES, ...ORGANISATIONS];

/**
 * A country and the names news use for its government: its capital (`Seoul và NATO đã cam kết` is South
 * Korea committing), its seat of power, its other spellings. A question about one finds the others.
 */
export const COUNTRY_ALIASES: readonly (readonly string[])[] = [
  ['Hàn Quốc', 'Seoul'], ['Triều Tiên', 'Bình Nhưỡng'], ['Nhật Bản', 'Tokyo'], ['Trung Quốc', 'Bắc Kinh'],
  ['Mỹ', 'Hoa Kỳ', 'Washington', 'Nhà Trắng'], ['Nga', 'Moskva', 'Moscow', 'Điện Kremlin', 'Kremlin'],
  ['Ukraine', 'Kiev', 'Kyiv'], ['Việt Nam', 'Hà Nội'], ['Australia', 'Úc', 'Canberra'], ['New Zealand', 'Wellington'],
  ['Anh', 'Vương quốc Anh', 'London'], ['Pháp', 'Paris'], ['Đức', 'Berlin'], ['Ý', 'Italy', 'Rome'],
  ['Canada', 'Ottawa'], ['Ấn Độ', 'New Delhi'], ['Indonesia', 'Jakarta'], ['Thái Lan', 'Bangkok'],
  ['Lào', 'Vientiane', 'Viêng Chăn'], ['Campuchia', 'Phnom Penh'], ['Malaysia', 'Kuala Lumpur'], ['Philippines', 'Manila'],
  ['Thổ Nhĩ Kỳ', 'Ankara'], ['Iran', 'Tehran'], ['Ai Cập', 'Cairo'], ['Đài Loan', 'Đài Bắc'], ['Ba Lan', 'Warsaw', 'Vacsava'],
  ['Hà Lan', 'Amsterdam', 'The Hague', 'La Haye'], ['Thụy Điển', 'Thuỵ Điển', 'Stockholm'], ['Na Uy', 'Oslo'], ['Phần Lan', 'Helsinki'],
];
