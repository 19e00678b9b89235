/** Japanese cues of the rules extractor. */
const words = (list: string): Set<string> => new Set(list.split(/\s+/).filter(Boolean));
const longestFirst = (set: Set<string>): string[] => [...set].sort((a, b) => b.length - a.length);

/** The legal form before or after a company's own name: "株式会社さくら精機", "山田工業株式会社". */
export const COMPANY_FORMS = longestFirst(words('株式会社 有限会社 合同会社 合資会社 一般社団法人 公益財団法人 独立行政法人 学校法人'));

/** The last word of an organization's name: "大阪大学", "日本政策投資銀行", "経済産業省". */
export const ORGANIZATION_SUFFIXES = longestFirst(
  words(
    '大学 大学院 学院 高校 銀行 信用金庫 証券 保険 生命 会社 商事 物産 工業 電機 電気 化学 製作所 製薬 重工 自動車 ' +
      '建設 不動産 鉄道 航空 新聞社 新聞 放送 研究所 研究機構 財団 協会 学会 連盟 機構 省 庁 委員会 議会 裁判所 病院 ' +
      'グループ ホールディングス',
  ),
);
/** One-character suffixes that also end ordinary words ("反省"): need a name of three characters or more. */
export const SHORT_ORGANIZATION_SUFFIXES = words('省 庁');

/** The last character of a place's name: "東京都", "大阪府", "長野県", "横浜市", "渋谷区", "白川村". */
export const PLACE_SUFFIXES = words('都 府 県 市 区 町 村');
/** Words ending in a place suffix that name no place. */
export const NOT_PLACES = words('都市 首都 京都府庁 地区 各県 全県 同県 同市 同町 同村 市町村 農村 漁村 山村 下町 各市 全市 本市 当市');

/** Well-known places named without a suffix (regions, large cities, countries in katakana). */
export const KNOWN_PLACES = words(
  '日本 北海道 本州 四国 九州 沖縄 関東 関西 東北 北陸 東京 大阪 京都 横浜 名古屋 札幌 神戸 福岡 広島 仙台 那覇 ' +
    'アメリカ 米国 中国 韓国 台湾 香港 イギリス 英国 フランス ドイツ イタリア スペイン ロシア カナダ メキシコ ブラジル ' +
    'インド インドネシア タイ ベトナム フィリピン マレーシア シンガポール オーストラリア ヨーロッパ アジア アフリカ',
);

/** Honorifics and titles written after a person's name: "高橋さん", "山本健一氏", "田中宏教授". */
export const TITLES_AFTER_NAME = longestFirst(
  words(
    'さん 氏 様 君 先生 教授 准教授 博士 社長 副社長 会長 部長 課長 局長 所長 院長 学長 校長 委員長 理事長 議員 ' +
      '知事 市長 町長 村長 大臣 首相 総理 監督 選手 弁護士 医師 記者 代表',
  ),
);

/** Particles and endings (hiragana words) that never are part of a name. */
export const PARTICLES = words(
  'は が を に へ で と の も や から まで より など か ね よ な だ です ます た て し する した いる ある こと ' +
    'には では とは への での との からの までの',
);
