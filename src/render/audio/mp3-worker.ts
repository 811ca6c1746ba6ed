// Runs in a worker thread (see mp3-pool.ts): speech synthesis and MP3 encoding are the
// slowest work of a build, and here they use another core while the main thread renders.
import { makeMp3 } from './make-mp3.js';
import type { MakeMp3Options, SpokenSegment } from './mp3-types.js';

export interface Mp3Task {
  segments: SpokenSegment[];
  options: MakeMp3Options;
}

export default function makeMp3Task({ segments, options }: Mp3Task) {
  return makeMp3(segments, options);
}
