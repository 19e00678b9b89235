import { type HeldOutText, organization, person, place } from './held-out-corpus.js';

/**
 * Held-out Chinese texts for the `rules` extractor, Traditional and Simplified. Written BEFORE the Chinese rules
 * (name-cues.zh.ts) were, by the engineer who then wrote them, from general knowledge of news, business-report,
 * encyclopedia, notice and blog prose; every name is invented. They are not edited to fit the extractor's output:
 * if a figure drops, fix the rules, not these texts. The texts the rules were written against (the e2e fixtures)
 * are scored apart.
 */
export const CHINESE_HELD_OUT_TEXTS: HeldOutText[] = [
  {
    style: 'news (Traditional)',
    text:
      '高雄市政府昨天宣布，將與遠航海運公司合作，在前鎮區興建新的貨櫃碼頭。市長周文彬表示，這項計畫預計創造' +
      '三千個就業機會。遠航海運公司董事長林志遠指出，公司已向交通部提出申請。不過，高雄港務工會理事長許明德' +
      '擔心，碼頭自動化會讓部分工人失業。',
    gold: [
      organization('高雄市政府'),
      organization('遠航海運公司'),
      organization('交通部'),
      organization('高雄港務工會'),
      place('前鎮區'),
      person('周文彬'),
      person('林志遠'),
      person('許明德'),
    ],
    ignore: ['高雄市', '高雄'],
  },
  {
    style: 'news (Simplified)',
    text:
      '据新华社报道，浙江省杭州市的启明科技公司周二发布了新一代语音识别芯片。公司首席执行官赵文静女士说，' +
      '这款芯片由公司与浙江大学联合研发。中国工商银行将为该项目提供五亿元贷款。分析人士认为，这将加剧与' +
      '深圳市同类企业的竞争。',
    gold: [
      organization('新华社'),
      organization('启明科技公司'),
      organization('浙江大学'),
      organization('中国工商银行'),
      place('浙江省'),
      place('杭州市'),
      place('深圳市'),
      person('赵文静'),
    ],
  },
  {
    style: 'business report (Traditional)',
    text:
      '根據年度報告，宏遠電子公司去年營收成長百分之十二，主要來自日本與美國市場。財務長陳怡君在法說會上表示，' +
      '公司將在台南市新設研發中心，並與成功大學合作培養人才。此外，公司已獲得玉山銀行提供的聯貸案。',
    gold: [
      organization('宏遠電子公司'),
      organization('成功大學'),
      organization('玉山銀行'),
      place('日本'),
      place('美國'),
      place('台南市'),
      person('陳怡君'),
    ],
  },
  {
    style: 'encyclopedia (Traditional)',
    text:
      '黃啟明（1921年－1998年）是著名的水利工程師，生於廣東省梅縣。他畢業於中山大學土木系，後赴英國深造。' +
      '返國後任職於經濟部水利署，主持多座水庫的設計。晚年他捐出積蓄成立啟明教育基金會，資助偏鄉學生。' +
      '他提出的「分段導流」方法至今仍被廣泛採用。',
    gold: [
      person('黃啟明'),
      place('廣東省'),
      place('梅縣'),
      place('英國'),
      organization('中山大學'),
      organization('經濟部水利署', '水利署', '經濟部'),
      organization('啟明教育基金會'),
    ],
  },
  {
    style: 'government notice (Simplified)',
    text:
      '为做好防汛工作，四川省应急管理厅会同成都市气象局发布通知，要求各区县加强值守。通知指出，成华区和' +
      '武侯区的低洼地段须提前疏散居民。省红十字会将在当地设立临时安置点。',
    gold: [
      organization('四川省应急管理厅', '应急管理厅'),
      organization('成都市气象局', '气象局'),
      organization('省红十字会', '红十字会'),
      place('四川省'),
      place('成都市'),
      place('成华区'),
      place('武侯区'),
    ],
  },
  {
    style: 'blog (Traditional)',
    text:
      '上個月我和朋友到花蓮縣旅行，住在吉安鄉一間民宿。老闆王淑芬女士很熱情，推薦我們去太魯閣走步道。' +
      '回程前，我們在花蓮市的一家咖啡店遇到來自加拿大的背包客，他說明年還想去韓國和泰國。',
    gold: [
      person('王淑芬'),
      place('花蓮縣'),
      place('吉安鄉'),
      place('太魯閣'),
      place('花蓮市'),
      place('加拿大'),
      place('韓國'),
      place('泰國'),
    ],
  },
];
