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

const person = (...names: string[]): GoldEntity => ({ type: 'person', names });
const organization = (...names: string[]): GoldEntity => ({ type: 'organization', names });
const place = (...names: string[]): GoldEntity => ({ type: 'place', names });

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
