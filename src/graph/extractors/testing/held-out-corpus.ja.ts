import { type HeldOutText, organization, person, place } from './held-out-corpus.js';

/**
 * Held-out Japanese texts for the `rules` extractor, written BEFORE its Japanese rules, from general knowledge of
 * news, business and travel prose; every name is invented. Not edited to fit the extractor's output.
 */
export const JAPANESE_HELD_OUT_TEXTS: HeldOutText[] = [
  {
    style: 'news',
    text:
      '福岡県北九州市に本社を置く株式会社みどり化学は十日、熊本県に新しい研究所を建設すると発表した。' +
      '同社の中村一郎社長は、九州大学と協力して再生可能な素材の開発を進めると述べた。' +
      '建設費の一部は日本政策投資銀行が融資する。',
    gold: [
      place('福岡県'),
      place('北九州市'),
      place('熊本県'),
      organization('株式会社みどり化学', 'みどり化学'),
      organization('九州大学'),
      organization('日本政策投資銀行'),
      person('中村一郎'),
    ],
  },
  {
    style: 'business',
    text:
      '大手商社の丸山物産は、シンガポールに東南アジアの統括拠点を設けた。拠点長には海外事業部の小林直子氏が就任する。' +
      '同社は今後三年間で、インドネシアやベトナムでの物流事業に五百億円を投じる計画だ。',
    gold: [
      organization('丸山物産'),
      place('シンガポール'),
      place('インドネシア'),
      place('ベトナム'),
      person('小林直子'),
    ],
    ignore: ['東南アジア', '海外事業部'],
  },
  {
    style: 'travel blog',
    text:
      '先週、長野県の松本市を訪れた。駅前の旅館では女将の高橋さんが温かく迎えてくれた。翌日は上高地まで足を延ばし、' +
      '帰りに信州大学の近くにある小さな蕎麦屋で昼食をとった。',
    gold: [place('長野県'), place('松本市'), place('上高地'), organization('信州大学'), person('高橋')],
  },
];
