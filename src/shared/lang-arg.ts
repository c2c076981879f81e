/** Description of every `lang` argument, so the schema says the same thing everywhere. */
export const LANG_ARG = {
  nullable: true,
  description: 'Language of the text; without it the request\'s Accept-Language decides, then German. Missing translations fall back to German.',
} as const;
