// sastrawijs ships typings its package.json "exports" does not point at; the part Pelita uses.
declare module 'sastrawijs' {
  export class Stemmer {
    constructor(dictionary?: string[]);
    internalDictionary: Record<string, string>;
    stem(word: string): string;
  }
}
