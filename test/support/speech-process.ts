// Texts spoken by Debian's libespeak-ng in a fresh process (speech-process-child.ts), their
// samples sent back: what the first texts of a build's MP3 process are spoken as, for the
// tests and benchmarks that look at the samples themselves (a build's MP3 process sends back
// only the MP3). The library cannot be reset, so each call is a new process.
import { fork } from 'node:child_process';
import type { Pcm, VoiceOptions } from '../../src/render/audio/speech/engine.js';
import { LIBESPEAK_NG } from '../../src/render/audio/speech/libespeak.js';

const child = new URL('./speech-process-child.ts', import.meta.url);

export function speakInProcess(texts: readonly string[], voice: VoiceOptions, library = LIBESPEAK_NG): Promise<Pcm[]> {
  return new Promise((resolve, reject) => {
    const process = fork(child, {
      execArgv: ['--import', import.meta.resolve('tsx')],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    process.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    process.once('message', (reply: { sampleRate: number; parts: Int16Array[] } | { error: string }) => {
      if ('error' in reply) reject(new Error(reply.error));
      else resolve(reply.parts.map((samples) => ({ sampleRate: reply.sampleRate, samples })));
    });
    process.once('exit', (code) => reject(new Error(`the speech process ended (exit ${code}): ${stderr.trim()}`)));
    process.send({ texts: [...texts], voice, library });
  });
}
