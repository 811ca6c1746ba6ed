// Debian's espeak-ng command (`apt-get install espeak-ng`): the text goes in on stdin and
// the WAV comes back on stdout, so no temporary files are needed.
import { spawn } from 'node:child_process';
import { espeakArguments, type Pcm, type SpeechEngine } from './engine.js';
import { parseWav } from './wav.js';

export const ESPEAK_COMMAND = 'espeak-ng';

export const nativeEngine: SpeechEngine = {
  id: 'native',
  async synthesise(text, options): Promise<Pcm> {
    const wav = await run(ESPEAK_COMMAND, [...espeakArguments(options), '--stdout', '--stdin'], text);
    return parseWav(wav);
  },
};

function run(command: string, args: string[], input: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new Error(
              `the native speech engine needs the "${command}" command, which is not installed (Debian: apt-get install espeak-ng); or build with --speech-engine embedded`,
            )
          : error,
      );
    });
    child.on('close', (code) => {
      if (code === 0) resolve(new Uint8Array(Buffer.concat(out)));
      else reject(new Error(`${command} failed (exit ${code}): ${Buffer.concat(err).toString('utf8').trim()}`));
    });
    child.stdin.end(input, 'utf8');
  });
}
