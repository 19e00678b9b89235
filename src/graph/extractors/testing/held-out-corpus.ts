/**
 * Held-out evaluation texts for the `rules` extractor. They were written from general knowledge of news,
 * encyclopedia, business-report and travel-blog prose BEFORE reading the extractor's code, and are not edited to
 * fit its output: if a figure drops, fix the extractor, not these texts.
 *
 * Gold entities list every surface form a reader would accept for them (`names`, first the full one). `ignore`
 * holds names whose type is genuinely ambiguous (a museum is a building and an institution): a prediction of
 * them is neither right nor wrong.
 */
export type GoldType = 'person' | 'organization' | 'place';

export interface GoldEntity {
  type: GoldType;
  names: string[];
}

export interface HeldOutText {
  style: string;
  text: string;
  gold: GoldEntity[];
  ignore?: string[];
}

export const person = (...names: string[]): GoldEntity => ({ type: 'person', names });
export const organization = (...names: string[]): GoldEntity => ({ type: 'organization', names });
export const place = (...names: string[]): GoldEntity => ({ type: 'place', names });

export const HELD_OUT_TEXTS: HeldOutText[] = [
  {
    style: 'news',
    text:
      'Maria Fernandes, the chief executive of Atlantic Freight Ltd, said on Tuesday that the company would move ' +
      'its headquarters from Porto to Lisbon next year. Speaking at a press conference in Lisbon, Fernandes said ' +
      'talks with the Ministry of Transport had been difficult. Union leader Tomas Ribeiro criticised the plan and ' +
      'warned that hundreds of dock workers in Porto could lose their jobs. Analysts at Goldman Sachs expect the ' +
      'move to cut costs by a tenth. The announcement came a day after the company showed its Harbor Runner cargo ' +
      'drone at the Web Summit.',
    gold: [
      person('Maria Fernandes', 'Fernandes'),
      person('Tomas Ribeiro', 'Ribeiro'),
      organization('Atlantic Freight Ltd', 'Atlantic Freight'),
      organization('Ministry of Transport'),
      organization('Goldman Sachs'),
      place('Porto'),
      place('Lisbon'),
    ],
  },
  {
    style: 'encyclopedia',
    text:
      'Ada Lovelace (1815–1852) was an English mathematician and writer. She is chiefly known for her work on the ' +
      'Analytical Engine, a mechanical general-purpose computer proposed by Charles Babbage, a fellow of the Royal ' +
      'Society. She was born in London, the only legitimate child of the poet Lord Byron and Anne Isabella ' +
      'Milbanke. In 1843 she translated an article by the Italian engineer Luigi Menabrea and added extensive notes ' +
      "of her own. The Science Museum in London later built a working Difference Engine from Babbage's drawings. " +
      'The second Tuesday of October is celebrated as Ada Lovelace Day.',
    gold: [
      person('Ada Lovelace', 'Lovelace'),
      person('Charles Babbage', 'Babbage'),
      person('Lord Byron', 'Byron'),
      person('Anne Isabella Milbanke', 'Milbanke'),
      person('Luigi Menabrea', 'Menabrea'),
      organization('Royal Society'),
      place('London'),
    ],
    ignore: ['Science Museum'],
  },
  {
    style: 'business report',
    text:
      'Northwind Analytics Inc. reported third-quarter revenue of $48 million, up 12% from a year earlier, driven ' +
      'by demand for its Pulse dashboard. Chief financial officer Priya Natarajan said growth was strongest in ' +
      'Singapore and Toronto, where the company opened offices this year. The firm signed a three-year contract ' +
      'with Deutsche Bank and started a pilot with the University of Melbourne. Operating costs rose after the ' +
      'acquisition of Brightline Software GmbH, a Munich-based start-up. Natarajan expects the launch of Pulse 3 ' +
      "in Berlin to lift fourth-quarter sales. Board member James O'Connor will step down in December.",
    gold: [
      person('Priya Natarajan', 'Natarajan'),
      person("James O'Connor", "O'Connor"),
      organization('Northwind Analytics Inc', 'Northwind Analytics'),
      organization('Deutsche Bank'),
      organization('University of Melbourne'),
      organization('Brightline Software GmbH', 'Brightline Software'),
      place('Singapore'),
      place('Toronto'),
      place('Munich'),
      place('Berlin'),
    ],
  },
  {
    style: 'travel blog',
    text:
      'Last summer my sister Hannah and I drove from Denver to Santa Fe in an old Ford Bronco. We stopped for lunch ' +
      'at a diner outside Taos, where the owner, Miguel Ortega, told us about the Rio Grande Gorge Bridge. The next ' +
      'morning we hiked along the Rio Grande with two volunteers from the Sierra Club. Back in Santa Fe we spent an ' +
      'afternoon at the Museum of International Folk Art before flying home with Southwest Airlines.',
    gold: [
      person('Hannah'),
      person('Miguel Ortega', 'Ortega'),
      organization('Sierra Club'),
      organization('Southwest Airlines'),
      place('Denver'),
      place('Santa Fe'),
      place('Taos'),
      place('Rio Grande Gorge Bridge'),
      place('Rio Grande'),
    ],
    ignore: ['Museum of International Folk Art'],
  },
];

/**
 * A second held-out set, written after the evidence rules were in place, to tell how much the first set had
 * taught them: sports, science press release, council notice, history, product review. Scored as written it gave
 * P 0.80 / R 0.59; general fixes it showed (possessives, titles, lone suffixes) raised that, so it is no longer
 * unseen either.
 */
export const FRESH_TEXTS: HeldOutText[] = [
  {
    style: 'sports report',
    text:
      "Kenyan runner Faith Kipyegon won the women's 1500 metres at the Diamond League meeting in Zurich on Thursday, " +
      "beating Ethiopia's Gudaf Tsegay by almost two seconds. Kipyegon, who trains in Iten, said the fast track " +
      'suited her. Nike, her sponsor, announced a bonus after the race. World Athletics president Sebastian Coe ' +
      'watched from the stands alongside officials from the International Olympic Committee.',
    gold: [
      person('Faith Kipyegon', 'Kipyegon'),
      person('Gudaf Tsegay', 'Tsegay'),
      person('Sebastian Coe', 'Coe'),
      organization('Nike'),
      organization('World Athletics'),
      organization('International Olympic Committee'),
      place('Zurich'),
      place('Ethiopia'),
      place('Iten'),
    ],
    ignore: ['Diamond League'],
  },
  {
    style: 'science press release',
    text:
      'Researchers at the Max Planck Institute for Astronomy in Heidelberg have measured the spin of a distant black ' +
      'hole using the James Webb Space Telescope. The study, led by astrophysicist Lena Hoffmann and published in ' +
      'Nature, was funded by the European Research Council. Co-author Dr. Kenji Watanabe of Kyoto University said ' +
      'the result challenges earlier models. The team now plans follow-up observations with the Very Large ' +
      'Telescope in Chile.',
    gold: [
      person('Lena Hoffmann', 'Hoffmann'),
      person('Kenji Watanabe', 'Watanabe', 'Dr. Kenji Watanabe'),
      organization('Max Planck Institute for Astronomy', 'Max Planck Institute'),
      organization('European Research Council'),
      organization('Kyoto University'),
      place('Heidelberg'),
      place('Chile'),
    ],
    ignore: ['Nature'],
  },
  {
    style: 'council notice',
    text:
      'The city council of Springfield approved a new zoning plan on Monday after a six-hour hearing. Mayor Linda ' +
      'Park said the plan would allow 2,000 new homes along the Willow Creek corridor. Opponents, led by the ' +
      'Springfield Heritage Trust, argued that the changes ignored a 2019 ruling by the Illinois Supreme Court. The ' +
      'Department of Housing will review the plan before construction begins next spring.',
    gold: [
      person('Linda Park', 'Mayor Linda Park'),
      organization('Springfield Heritage Trust'),
      organization('Illinois Supreme Court'),
      organization('Department of Housing'),
      place('Springfield'),
      place('Willow Creek'),
    ],
  },
  {
    style: 'history',
    text:
      'In 1405 the admiral Zheng He set sail from Nanjing with a fleet of more than two hundred ships. Over the next ' +
      'three decades his voyages reached Calicut, Hormuz and the coast of East Africa. The expeditions were ' +
      'sponsored by the Yongle Emperor, and after his death the Ming court ended them. Historians such as Gavin ' +
      'Menzies have made bolder claims about the fleet, which most scholars at the Royal Geographical Society reject.',
    gold: [
      person('Zheng He'),
      person('Yongle Emperor'),
      person('Gavin Menzies', 'Menzies'),
      organization('Royal Geographical Society'),
      place('Nanjing'),
      place('Calicut'),
      place('Hormuz'),
      place('East Africa'),
    ],
    ignore: ['Ming'],
  },
  {
    style: 'product review',
    text:
      'I have used the Pixel 8 for three months now and it beats my old iPhone 12 on battery life. Google’s camera ' +
      'app is still the best on Android, although the Samsung Galaxy S24 takes sharper photos at night. I bought ' +
      'mine at a Best Buy in Austin, and the staff set up the Google Fi plan in ten minutes.',
    gold: [organization('Google'), organization('Samsung'), organization('Best Buy'), place('Austin')],
  },
];

/**
 * A third set: obituary, court report, tech blog. Written after the second set's fixes and scored as written:
 * P 0.83 / R 0.71, organization recall 0.25 (company names compromise does not know). Three organization cues
 * came from it ("the firm X", "auditors at X", a verb's object past a determiner), so it too is seen now: the
 * next held-out text should be written fresh.
 */
export const UNSEEN_TEXTS: HeldOutText[] = [
  {
    style: 'obituary',
    text:
      'Margaret Okafor, a nurse who founded the Lagos Community Health Network, died on Sunday at her home in Abuja. ' +
      "She was 81. Born in Enugu, Okafor trained at St Thomas' Hospital in London before returning to Nigeria in " +
      '1968. Her son, Daniel Okafor, said she had remained active in the Red Cross until last year.',
    gold: [
      person('Margaret Okafor', 'Okafor'),
      person('Daniel Okafor'),
      organization('Lagos Community Health Network'),
      organization('Red Cross'),
      place('Abuja'),
      place('Enugu'),
      place('London'),
      place('Nigeria'),
    ],
    ignore: ["St Thomas' Hospital", 'St Thomas'],
  },
  {
    style: 'court report',
    text:
      'A federal judge in San Francisco ruled on Friday that Oracle must pay $40 million to former employees who ' +
      'accused the company of unequal pay. Judge Maria Chen wrote that Oracle had ignored warnings from its own ' +
      'auditors at Deloitte. Lawyers for the plaintiffs, led by Rachel Stein of the firm Altshuler Berzon, said they ' +
      'would seek further damages. The Labor Department welcomed the decision.',
    gold: [
      person('Maria Chen', 'Chen'),
      person('Rachel Stein', 'Stein'),
      organization('Oracle'),
      organization('Deloitte'),
      organization('Altshuler Berzon'),
      organization('Labor Department'),
      place('San Francisco'),
    ],
  },
  {
    style: 'tech blog',
    text:
      'This week we migrated our backend from Heroku to AWS, and the bill dropped by a third. Our lead engineer, ' +
      'Tomasz Nowak, wrote most of the Terraform scripts during a sprint in Kraków. We also moved error tracking to ' +
      'Sentry after a long talk with their team in Vienna. If you are in Berlin next month, come to our meetup at ' +
      'Factory Berlin.',
    gold: [
      person('Tomasz Nowak', 'Nowak'),
      organization('Heroku'),
      organization('Sentry'),
      place('Kraków'),
      place('Vienna'),
      place('Berlin'),
    ],
    ignore: ['AWS', 'Factory Berlin'],
  },
];

/**
 * Sentences that name no person at all: products, machines, bridges, events, storms. Any `person` the extractor
 * finds in them is wrong.
 */
export const NO_PERSON_SENTENCES: string[] = [
  'Engineers closed the Golden Gate Bridge for six hours after the storm.',
  'The Analytical Engine was never completed, but its design inspired later computers.',
  'Sales of the Model T fell sharply once rivals offered cheaper cars.',
  'Hurricane Katrina flooded large parts of New Orleans in 2005.',
  'Tickets for the Boston Marathon sold out within an hour.',
  'The Large Hadron Collider restarted in April after a long shutdown.',
  'Samsung recalled the Galaxy Note after reports of battery fires.',
  'The Hubble Space Telescope photographed the Pillars of Creation.',
  'Thousands of fans celebrated the World Cup final in Buenos Aires.',
  'The Enigma Machine was used by the German military throughout the war.',
  'Traffic on the Brooklyn Bridge was diverted during the Thanksgiving Day Parade.',
];
