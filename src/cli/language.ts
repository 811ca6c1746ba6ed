// Which language Pelita speaks: `--lang`, else the environment's locale, else Indonesian.

export const DEFAULT_MESSAGE_LANGUAGE = 'id';

/**
 * @param option the `--lang` value, if given.
 * @param available languages with a message catalogue.
 */
export function messageLanguage(
  option: string | undefined,
  available: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (option) return available.includes(option) ? option : DEFAULT_MESSAGE_LANGUAGE;
  // POSIX order: LC_ALL wins over LC_MESSAGES, which wins over LANG.
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  const lang = /^([a-z]{2,3})(?:[_.@-]|$)/.exec(locale)?.[1];
  return lang && available.includes(lang) ? lang : DEFAULT_MESSAGE_LANGUAGE;
}
