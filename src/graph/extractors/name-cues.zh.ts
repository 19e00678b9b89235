import * as OpenCC from 'opencc-js/t2cn';

/**
 * Chinese cues of the rules extractor, written once in Traditional characters; every list also holds its Simplified
 * form (OpenCC), so both scripts match and names are kept as written.
 */
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const bothScripts = (words: string): Set<string> => {
  const list = words.split(/\s+/).filter(Boolean);
  return new Set<string>([...list, ...list.map((word) => toSimplified(word))]);
};
/** Longest first, so "基金會" is tried before "會". */
const bySuffixLength = (set: Set<string>): string[] => [...set].sort((a, b) => b.length - a.length);

/** The last word(s) of an organization's name: "台積電公司", "國立臺灣大學", "經濟部", "氣象局". */
export const ORGANIZATION_SUFFIXES = bySuffixLength(
  bothScripts(
    '公司 集團 銀行 大學 學院 研究院 研究所 研究中心 醫院 基金會 協會 學會 公會 工會 商會 委員會 聯盟 政府 ' +
      '議會 法院 部 局 署 處 廳 院 社 通訊社 報社 出版社 電視台 交易所 航空 控股 科技 股份有限公司 有限公司 ' +
      '中學 小學 高中 事務所 合作社 聯合會 總會',
  ),
);
/** Single-character organization suffixes, which also end ordinary words ("全部", "結局"): need a longer name. */
export const SHORT_ORGANIZATION_SUFFIXES = bothScripts('部 局 署 處 廳 院 社');

/** The last character of a place's name: "臺北市", "廣東省", "梅縣", "美國", "前鎮區", "吉安鄉". */
export const PLACE_SUFFIXES = bothScripts('市 省 縣 國 區 州 鄉 鎮');
/** Suffixes that end two-character place names ("梅縣"); other two-character words ("城市", "地區") must be known. */
export const TWO_CHARACTER_PLACE_SUFFIXES = bothScripts('縣');

/** Words ending in a place suffix that name no place. */
export const NOT_PLACES = bothScripts(
  '城市 都市 超市 門市 股市 上市 夜市 全國 各國 外國 本國 我國 兩國 各省 全省 本省 外省 該市 本市 全市 各市 ' +
    '該縣 本縣 全縣 各縣 地區 社區 市區 園區 災區 景區 校區 郊區 轄區 分區 專區 首都 全都 也都 大都 政府 ' +
    '帝國 王國 強國 大國 小國 列國 祖國 愛國 出國 回國 各區 該區 本區 全區 兩岸 政區 學區 山區 礦區 ' +
    '加州 各州 美洲 亞洲 歐洲 非洲 澳洲 中府 官府 首府 王府 學府 幕府',
);
/** Characters that start no place name before a suffix ("各市", "全縣", "這區"). */
export const NOT_PLACE_FIRST = bothScripts('全 各 本 該 此 我 外 兩 每 某 其 這 那 跨 多 鄰 城 都');

/** Well-known places named without a suffix (countries, regions, major cities). */
export const KNOWN_PLACES = bothScripts(
  '中國 臺灣 台灣 香港 澳門 日本 韓國 朝鮮 美國 英國 法國 德國 義大利 意大利 西班牙 葡萄牙 荷蘭 比利時 瑞士 ' +
    '瑞典 挪威 丹麥 芬蘭 俄羅斯 烏克蘭 波蘭 土耳其 以色列 埃及 印度 印尼 泰國 越南 菲律賓 馬來西亞 新加坡 ' +
    '澳大利亞 紐西蘭 新西蘭 加拿大 墨西哥 巴西 阿根廷 智利 南非 歐洲 亞洲 非洲 美洲 北美 南美 東南亞 中東 ' +
    '北京 上海 天津 重慶 廣州 深圳 杭州 南京 蘇州 成都 武漢 西安 廈門 青島 大連 瀋陽 長沙 鄭州 寧波 ' +
    '臺北 台北 新北 桃園 臺中 台中 臺南 台南 高雄 基隆 新竹 嘉義 花蓮 台東 臺東 宜蘭 屏東 ' +
    '東京 大阪 京都 橫濱 名古屋 札幌 福岡 首爾 釜山 倫敦 巴黎 柏林 慕尼黑 羅馬 馬德里 莫斯科 紐約 ' +
    '華盛頓 洛杉磯 舊金山 西雅圖 矽谷 多倫多 溫哥華 雪梨 悉尼 墨爾本 曼谷 河內 胡志明市 雅加達 孟買 ' +
    '長三角 珠三角 大灣區 關西 關東 北海道 沖繩 九州',
);

/** Titles and honorifics written after a person's name: "王淑芬女士", "李振華教授". */
export const TITLES_AFTER_NAME = bySuffixLength(
  bothScripts(
    '先生 女士 小姐 博士 教授 總統 副總統 院士 醫師 醫生 律師 議員 立委 市長 副市長 縣長 省長 部長 局長 署長 ' +
      '院長 校長 董事長 總經理 經理 執行長 總裁 主席 理事長 秘書長 委員長 處長 主任 老師 同學 總理 首相 ' +
      '大使 將軍 法官 檢察官 記者 研究員 工程師 會長 社長',
  ),
);
/** Roles written before a person's name: "董事長劉建國", "財務長陳怡君", "副市長孫曉梅". */
export const TITLES_BEFORE_NAME = bySuffixLength(
  bothScripts(
    '董事長 總經理 執行長 首席執行官 首席技術官 技術長 財務長 營運長 總裁 副總裁 創辦人 發言人 市長 副市長 ' +
      '縣長 省長 部長 局長 署長 院長 校長 總統 總理 主席 理事長 秘書長 委員長 處長 主任 教授 博士 記者 ' +
      '老闆 經理 會長 社長 議員 立委 律師 醫師 研究員 工程師 委員',
  ),
);

/** Words that say a person just spoke or acted: the name before them ends there ("劉建國表示"). */
export const SPEECH_VERBS = bySuffixLength(
  bothScripts(
    '表示 說 指出 認為 強調 透露 宣布 介紹 呼籲 擔心 坦言 回應 解釋 補充 提到 提出 出席 主持 在 的 是 也 將 已 ' +
      '曾 則 就 都 向 對 於 和 與 及 等 會 今天 昨天 周 週',
  ),
);

/**
 * Words that end a name read backwards from its suffix, and stand before a person's name: function words, verbs that
 * introduce an organization ("成立 X 基金會"), time words.
 */
export const NAME_BOUNDARY_WORDS = bothScripts(
  '的 之 在 於 由 為 是 有 和 與 及 或 跟 同 向 從 到 對 被 把 讓 給 令 使 將 將與 並 並與 而 但 也 都 就 已 曾 ' +
    '據 根據 通過 透過 會同 聯合 以及 另 另一 一家 這家 該 各 多家 兩家 旗下 所屬 委託 包括 例如 如 像 ' +
    '成立 設立 建立 創立 創辦 加入 任職 合作 宣布 宣佈 發布 發表 擔任 來自 前往 進入 參加 收購 投資 離開 ' +
    '畢業 就讀 服務 擁有 報導 報道 提供 批准 要求 指派 捐出 捐給 資助 簽署 召開 舉行 主辦 贊助 ' +
    '昨天 今天 明天 前天 去年 今年 明年 上月 本月 下月 日前 近日 目前 上午 下午 晚間 凌晨 ' +
    '周一 周二 周三 周四 周五 周六 周日 週一 週二 週三 週四 週五 週六 週日 星期一 星期二 星期三 星期四 星期五 ' +
    '星期六 星期日 當地 地方 全國 主要 新 老 本 其他 所有 部分 一些 我們 你們 他們 她們 我 你 他 她 它 這 那 ' +
    '這個 那個 其 獲得 取得 得到 選擇 交由 委由 屬於 隸屬 代表 出任 拜訪 訪問 會見 聘請 邀請 支持 反對 ' +
    '組織 企業 機構 團體 單位 廠商 業者 同業 同類 類似 知名 大型 國營 民營',
);

/** Prepositions and conjunctions: a word ending in one ("可向", "並與") is never part of a name after it. */
export const PREPOSITIONS = bothScripts('向 在 於 與 和 由 對 從 為 給 跟 及 將 把 被 讓');

/** Common one-character family names (and a few two-character ones), both scripts. */
export const SURNAMES = bothScripts(
  '王 李 張 劉 陳 楊 黃 趙 吳 周 徐 孫 馬 朱 胡 郭 何 高 林 羅 鄭 梁 謝 宋 唐 許 韓 馮 鄧 曹 彭 曾 蕭 田 董 袁 潘 ' +
    '于 蔣 蔡 余 杜 葉 程 蘇 魏 呂 丁 任 沈 姚 盧 姜 崔 鍾 譚 陸 汪 范 金 石 廖 賈 夏 韋 付 方 白 鄒 孟 熊 秦 邱 ' +
    '江 尹 薛 閻 段 雷 侯 龍 史 陶 黎 賀 顧 毛 郝 龔 邵 萬 錢 嚴 覃 武 戴 莫 孔 向 湯 常 溫 康 施 文 牛 樊 葛 ' +
    '邢 安 齊 易 喬 伍 龐 顏 倪 莊 聶 章 魯 岳 翟 殷 詹 申 歐 耿 關 蘭 焦 俞 左 柳 甘 祝 包 寧 尚 符 舒 阮 柯 ' +
    '紀 梅 童 凌 畢 單 季 裴 霍 涂 成 苗 谷 盛 曲 翁 冉 駱 藍 路 游 辛 靳 管 柴 蒙 鮑 華 喻 祁 蒲 房 滕 屈 ' +
    '饒 解 牟 艾 尤 陽 時 穆 農 司 卓 古 吉 繆 簡 車 項 連 芮 歐陽 司馬 上官 諸葛 東方 皇甫 令狐',
);

/** Words never an entity, whatever cue they end in. */
export const CHINESE_STOPWORDS = bothScripts(
  '我們 你們 他們 她們 它們 我 你 他 她 它 這 那 這個 那個 其 之 的 了 是 在 和 與 及 或 也 就 都 而 把 被 將 ' +
    '對 於 為 以 等 有 個 公司 政府 銀行 大學 國家 地方 部門 單位 機構 企業 組織 委員會 協會 基金會',
);
