export type Lang = 'nl' | 'en';

/** One text in both languages; every area of the app keeps its texts in one such table. */
export type MessageTable = Record<string, { nl: string; en: string }>;
