// Debian's espeak-ng command (`apt-get install espeak-ng`): the text goes in on stdin and
// the WAV comes back on stdout, so no temporary files are needed.
import { runPiped } from '../run-command.js';
import { espeakArguments, type Pcm, type SpeechEngine } from './engine.js';
import { parseWav } from './wav.js';

export const ESPEAK_COMMAND = 'espeak-ng';

export const nativeEngine: SpeechEngine = {
  id: 'native',
  async synthesise(text, options): Promise<Pcm> {
    const wav = await runPiped(
      ESPEAK_COMMAND,
      [...espeakArguments(options), '--stdout', '--stdin'],
      text,
      `the native speech engine needs the "${ESPEAK_COMMAND}" command, which is not installed (Debian: apt-get install espeak-ng); or build with --speech-engine embedded`,
    );
    return parseWav(wav);
  },
};
