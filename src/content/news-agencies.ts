/**
 * The news agencies Slovenian newsrooms credit, each as it writes itself (dpa in small letters, MINA in capitals):
 * Slovenia's and the wires its newsrooms run. `arhivar import` takes a credit that names only these out of the text
 * for `source:` (markdown/plain-text.ts), and a byline takes each of them for an agency, not a person
 * (content/byline.ts), so a wire added here is known to both.
 */
export const NEWS_AGENCIES: ReadonlySet<string> = new Set([
  ...['STA', 'AFP', 'AP', 'Reuters', 'dpa', 'ANSA', 'APA', 'EFE', 'BTA', 'ČTK', 'CTK', 'PAP', 'MTI', 'Hina', 'Tanjug', 'Beta', 'Fena'],
  ...['MINA', 'SRNA', 'MIA', 'TASR', 'TASS', 'RIA Novosti', 'Interfax', 'Ukrinform', 'UNIAN', 'Xinhua', 'Kyodo', 'Yonhap'],
  ...['Anadolu', 'Belga', 'ANP', 'Lusa', 'Ritzau', 'NTB', 'STT', 'Bloomberg'],
]);
