// The words the eSpeak NG voice says wrongly are given to it as phonemes; what it then
// says is checked with Debian's espeak-ng (-q -x prints the phonemes it would speak).
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { forVoice, type Pronunciations, readPronunciations } from '../src/render/audio/normalise/pronunciation.js';
import { loadSpeechData } from '../src/render/audio/speech-data.js';

let id: Pronunciations;
beforeAll(async () => {
  id = (await loadSpeechData()).pronunciations.get('id') ?? new Map();
});

const hasEspeak = spawnSync('espeak-ng', ['--version']).status === 0;
/** The IPA eSpeak NG's Indonesian voice says for a text. */
function ipa(text: string): string {
  return spawnSync('espeak-ng', ['-v', 'id', '-q', '--ipa', text], { encoding: 'utf8' }).stdout.trim();
}

describe('pronunciations for the voice', () => {
  it('replaces whole words in any case, with -nya, and nothing inside other words', () => {
    expect(forVoice('empat belas hari', id)).toBe("[[@mp'at]] [[b@l'as]] hari");
    expect(forVoice('Senin sampai Jumat', id)).toBe("[[s@n'in]] sampai Jumat");
    expect(forVoice('Serahkan berkasnya.', id)).toBe("Serahkan [[b@Rk'asn^a]].");
    expect(forVoice('keempat, sembilan belas', id)).toBe("keempat, sembilan [[b@l'as]]");
    expect(forVoice('dengan-dengan', id)).toBe("[[d@N'an]]-[[d@N'an]]");
  });
  it('refuses phonemes with brackets or spaces', () => {
    expect(() => readPronunciations({ empat: '[[@mpat]]' }, 'x.yaml')).toThrow(/brackets/);
    expect(() => readPronunciations({ empat: '@m pat' }, 'x.yaml')).toThrow(/brackets/);
  });
  it.skipIf(!hasEspeak)('makes the voice say a schwa in every listed word, where it said [ɛ] before', () => {
    for (const [word, phonemes] of id) {
      const before = ipa(word);
      const after = ipa(`[[${phonemes}]]`);
      expect(after, word).toContain('ə');
      expect(after, word).not.toBe(before);
    }
    expect(ipa(forVoice('empat belas', id))).toBe('əmpˈat bəlˈas');
    expect(ipa('empat belas')).toBe('ˈɛmpat bˈɛlas');
  });
});
