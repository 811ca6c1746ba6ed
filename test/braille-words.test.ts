// Which print words the braille formatter keeps together and which it treats as addresses.
import { describe, expect, it } from 'vitest';
import { wordMarks } from '../src/render/braille/print-words.js';

const glued = (text: string, lang = 'id') => {
  const words = text.split(' ');
  return wordMarks(text, lang).glue.map((index) => `${words[index]} ${words[index + 1]}`);
};

describe('print words for braille wrapping', () => {
  it('keep a number with its unit, "Rp" with its amount and a telephone number whole', () => {
    expect(glued('Pas foto 4×6 cm sebanyak 2 lembar, diproses 3 hari kerja.')).toEqual([
      '4×6 cm',
      '2 lembar,',
      '3 hari',
    ]);
    expect(glued('Biaya Rp 1.500.000,- atau Rp 50.000/hari; antre ±2 jam.')).toEqual([
      'Rp 1.500.000,-',
      'Rp 50.000/hari;',
      '±2 jam.',
    ]);
    expect(glued('Hubungi (0282) 534 767 pukul 08.00 WIB sesuai Pasal 12a.')).toEqual([
      '(0282) 534',
      '534 767',
      '08.00 WIB',
      'Pasal 12a.',
    ]);
    expect(glued('Dilayani 2 dinten ing kantor.', 'jv')).toEqual(['2 dinten']);
  });

  it('never glue a list number or a number that ends a clause', () => {
    expect(glued('1. Jam buka loket')).toEqual([]);
    expect(glued('Antrean ke-3, jam berikutnya')).toEqual([]);
    expect(glued('sebanyak 3, hari berikutnya')).toEqual([]);
  });

  it('find web and e-mail addresses, with brackets around them, and nothing else', () => {
    const text =
      'Lapor (www.lapor.go.id) atau https://bkpsdm.example/izin/ atau pengaduan@disdukcapil.example.go.id; biaya Rp 50.000/hari, S-1, dinas.pendidikan/sekolah';
    const words = text.split(' ');
    expect(wordMarks(text, 'id').addresses.map((index) => words[index])).toEqual([
      '(www.lapor.go.id)',
      'https://bkpsdm.example/izin/',
      'pengaduan@disdukcapil.example.go.id;',
      'dinas.pendidikan/sekolah',
    ]);
  });
});
