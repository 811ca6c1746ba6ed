// Exit codes, so scripts can tell content problems from a full disk or a busy folder.
// Above 2 they follow BSD sysexits (70, 74, 75) and the shell's 128 + signal.
export const EXIT = {
  ok: 0,
  /** Some document has errors. */
  contentErrors: 1,
  /** Wrong usage, or an output folder that may not be used. */
  usage: 2,
  /** A bug in Pelita: the details are in a crash log. */
  internal: 70,
  /** The disk refused a write (full, read-only, no permission). */
  disk: 74,
  /** Another build is writing into the same output folder. */
  locked: 75,
  /** Stopped with Ctrl-C (SIGINT). */
  interrupted: 130,
  /** Stopped with SIGTERM. */
  terminated: 143,
} as const;
