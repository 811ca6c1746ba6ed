// Preloaded (`node --require`): when the process ends, asks glibc whether a 1 MiB block gets
// its own mapping after a 4 MiB one was freed — glibc's dynamic threshold would have risen to
// 4 MiB by then, a fixed one stays at 128 KiB — and prints `malloc=mapped` or `malloc=heap`
// on stderr. Only in the main thread, once.
const { isMainThread } = require('node:worker_threads');

if (isMainThread) {
  process.once('exit', () => {
    const koffi = require('koffi');
    const libc = koffi.load('libc.so.6');
    koffi.struct('mallinfo2_probe', {
      arena: 'size_t',
      ordblks: 'size_t',
      smblks: 'size_t',
      hblks: 'size_t',
      hblkhd: 'size_t',
      usmblks: 'size_t',
      fsmblks: 'size_t',
      uordblks: 'size_t',
      fordblks: 'size_t',
      keepcost: 'size_t',
    });
    const malloc = libc.func('void *malloc(size_t)');
    const free = libc.func('void free(void *)');
    const mallinfo2 = libc.func('mallinfo2_probe mallinfo2()');
    free(malloc(4 << 20));
    const before = Number(mallinfo2().hblkhd);
    const block = malloc(1 << 20);
    const after = Number(mallinfo2().hblkhd);
    free(block);
    process.stderr.write(`malloc=${after - before >= 1 << 20 ? 'mapped' : 'heap'}\n`);
  });
}
