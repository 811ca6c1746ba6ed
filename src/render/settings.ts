// Build settings that change how renderers work (not what they say). Chosen on the
// command line; every renderer reads its own.
export interface RenderSettings {
  /** liblouis: `embedded` (WebAssembly from npm, default) or `native` (Debian's liblouis). */
  brailleEngine: 'embedded' | 'native';
  /**
   * eSpeak NG: `auto` (Debian's libespeak-ng when installed, else the WebAssembly one),
   * `embedded` (always the WebAssembly one, from npm) or `native` (always Debian's library).
   */
  speechEngine: 'auto' | 'embedded' | 'native';
  /**
   * LAME: `auto` (Debian's `lame` when installed, else the WebAssembly one) or `embedded`
   * (always the WebAssembly one, so machines with and without `lame` make the same MP3s).
   */
  mp3Encoder: 'auto' | 'embedded';
  /** Resolution of pictograms.png. */
  pictogramDpi: 150 | 300;
}

export const DEFAULT_SETTINGS: RenderSettings = {
  brailleEngine: 'embedded',
  speechEngine: 'auto',
  mp3Encoder: 'auto',
  pictogramDpi: 150,
};
