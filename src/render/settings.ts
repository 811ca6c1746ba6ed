// Build settings that change how renderers work (not what they say). Chosen on the
// command line; every renderer reads its own.
export interface RenderSettings {
  /** liblouis: `embedded` (WebAssembly from npm, default) or `native` (Debian's liblouis). */
  brailleEngine: 'embedded' | 'native';
  /** eSpeak NG: `embedded` (WebAssembly from npm, default) or `native` (Debian's espeak-ng). */
  speechEngine: 'embedded' | 'native';
  /** Resolution of pictograms.png. */
  pictogramDpi: 150 | 300;
}

export const DEFAULT_SETTINGS: RenderSettings = {
  brailleEngine: 'embedded',
  speechEngine: 'embedded',
  pictogramDpi: 150,
};
