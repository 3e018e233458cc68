import { describe, expect, it } from 'vitest';
import { nameKeys, queryKeys } from './name-keys';
import { compareNames, prepareName } from './name-match';
import { coarseSkeleton } from './phonetic';
import { romanise } from './romanise';
import { WEIGHTS } from './score';

const compare = (subject: string, entry: string) => compareNames(prepareName(subject), prepareName(entry));
/** The subject's query keys and the entry's index keys meet: the entry is found without a scan. */
const found = (subject: string, entry: string) => queryKeys(prepareName(subject)).some((k) => nameKeys(entry).includes(k));

describe('romanisation', () => {
  it('reads Han as pinyin in surname mode, simplified or traditional: surname, then the given name', () => {
    expect(romanise('朱海仑').tokens).toEqual(['zhu', 'hailun']);
    expect(romanise('朱海侖').tokens).toEqual(['zhu', 'hailun']);
    expect(romanise('单雄信').tokens).toEqual(['shan', 'xiongxin']);
    expect(romanise('欧阳修').tokens).toEqual(['ouyang', 'xiu']);
  });

  it('puts katakana digraphs together and drops the sokuon and long-vowel marks', () => {
    expect(romanise('ミン・アウン・フライン').tokens).toEqual(['min', 'aun', 'furain']);
    expect(romanise('ペク・チャンホ').tokens).toEqual(['peku', 'chanho']);
    expect(romanise('ウラジーミル・プーチン').tokens).toEqual(['urajimiru', 'puchin']);
    expect(romanise('ティ').tokens).toEqual(['ti']);
  });

  it('strips diacritics from Latin and says so; reads Hangul, Cyrillic and Arabic through any-ascii', () => {
    expect(romanise('Müller-Łukasz')).toMatchObject({ form: 'latin', tokens: ['muller', 'lukasz'], accented: true });
    expect(romanise('백창호')).toMatchObject({ form: 'hangul', tokens: ['baeg', 'changho'] });
    expect(romanise('Сергей Лавров').tokens).toEqual(['sergey', 'lavrov']);
    expect(romanise('محمد قاسم')).toMatchObject({ form: 'abjad', tokens: ['mhmd', 'qsm'] });
  });

  it('leaves out notes in parentheses, and kanji beside kana', () => {
    expect(romanise('Denis (Denys) BEREZOVSKIY(BEREZOVSKY)').tokens).toEqual(['denis', 'berezovskiy']);
    expect(romanise('ヒラリオン・サントス三世').tokens).toEqual(['hirarion', 'santosu']);
  });
});

describe('sound skeletons of katakana names', () => {
  it.each([
    ['furain', 'hlaing'],
    ['aun', 'aung'],
    ['puchin', 'putin'],
    ['akushonofu', 'aksyonov'],
    ['ravurofu', 'lavrov'],
    ['urajimiru', 'vladimir'],
    ['mohanmado', 'mohammad'],
  ])('%s sounds like %s', (kana, latin) => {
    expect(coarseSkeleton(kana)).toBe(coarseSkeleton(latin));
  });
});

describe('comparing names', () => {
  it('finds ZHU, Hailun from 朱海仑 and 朱海侖, as a transliteration', () => {
    for (const han of ['朱海仑', '朱海侖']) {
      expect(compare(han, 'ZHU, Hailun')).toEqual({ score: 1, how: ['transliterated'] });
      expect(found(han, 'ZHU, Hailun')).toBe(true);
    }
  });

  it('finds HLAING, Min Aung from ミン・アウン・フライン, by sound and in any order', () => {
    const result = compare('ミン・アウン・フライン', 'HLAING, Min Aung');
    expect(result.score).toBeGreaterThanOrEqual(WEIGHTS.threshold);
    expect(result.how).toEqual(expect.arrayContaining(['transliterated', 'phonetic', 'reordered']));
    expect(found('ミン・アウン・フライン', 'HLAING, Min Aung')).toBe(true);
  });

  it.each([
    ['Min Aung Hlaing', 'HLAING, Min Aung', 'reordered'],
    ['Minaunghlaing', 'HLAING, Min Aung', 'spacing'],
    ['Qasim Alrimi', "AL-RIMI, Qasim", 'spacing'],
    ['Paek Changho', 'PAEK CHANG-HO', 'spacing'],
    ['Nicolás Maduro Moros', 'MADURO MOROS, Nicolas', 'diacritics'],
    ['M. A. Hlaing', 'HLAING, Min Aung', 'initials'],
    ['R. G. Mugabe', 'MUGABE, Robert Gabriel', 'initials'],
    ['Zhu Hialun', 'ZHU, Hailun', 'spelling'],
    ['Sergey Aksyonov', 'AKSYONOV, Sergey Valeryevich', 'partial'],
  ])('%s finds %s (%s)', (subject, entry, how) => {
    const result = compare(subject, entry);
    expect(result.score).toBeGreaterThanOrEqual(WEIGHTS.threshold);
    expect(result.how).toContain(how);
    expect(found(subject, entry)).toBe(true);
  });

  it.each([
    ['Zhu Hailong', 'ZHU, Hailun'],
    ['Wang Mingsheng', 'WANG, Mingshan'],
    ['Min Aung Thein', 'HLAING, Min Aung'],
    ['Min Aung Hlaing', 'WIN, Aung'],
    ['Hlaing', 'HLAING, Min Aung'],
    ['Vladimir Senin', 'ウラジーミル・プーチン'],
    ['Stan Isaak Gorerazvo Ajaka', 'Stan Isaak Gorerazvo Mudenge'],
    ['Barzan Ibrahim Hasan al-Tikriti', 'ALI BARZAN IBRAHIM HASAN AL-TIKRITI'],
    // The same consonants, but two runs of vowels more than katakana writes: ti-mo-fee-ye-va is not di-mo-fu.
    ['オレグ・ディモフ', 'Olga Timofeeyeva'],
    // Brothers: Omar (AMR) and Yasir (ASR) differ in the consonant that starts them.
    ['オマル・サバーウィー・イブラーヒーム・ハサン・アル・ティクリーティー', 'Yasir Sabawi Ibrahim Hasan Al-Tikriti'],
    // …and Ayman (AMN) and Omar (AMR) in the sound that ends the first name.
    ['アイマン・サバーウィー・イブラーヒーム・ハサン・アル・ティクリーティー', 'Omar Sabawi Ibrahim Hasan Al-Tikriti'],
  ])('near miss %s scores below the threshold against %s', (subject, entry) => {
    expect(compare(subject, entry).score).toBeLessThan(WEIGHTS.threshold);
  });

  it('finds a katakana name with a letter doubled or an article assimilated after its opening vowel', () => {
    expect(compare('アッティクッラー・アフンド', 'ATTIQULLAH AKHUND').score).toBeGreaterThanOrEqual(WEIGHTS.threshold);
    expect(compare('ハニ・アッサイード・アッセバイ・ユースフ', 'HANI AL-SAYYID AL-SEBAI YUSUF').score).toBeGreaterThanOrEqual(WEIGHTS.threshold);
    expect(compare('オマル・サバーウィー・イブラーヒーム・ハサン・アル・ティクリーティー', 'Omar Sabawi Ibrahim Hasan Al-Tikriti').score).toBeGreaterThanOrEqual(WEIGHTS.threshold);
    // m for n at the end of three sounds is one sound apart still: the UN writes Hashim as Hishan.
    expect(compare('ガーズィー・フィーザー・ハーシム・アル・マジーダ', 'GHAZY FEZZA HISHAN AL-MAZIDIH').score).toBeGreaterThanOrEqual(WEIGHTS.threshold);
  });

  it('finds a katakana name whose vowels the spelling agrees with, or has fewer of (Oleg → オレグ oregu)', () => {
    expect(compare('オレグ・ディモフ', 'DIMOV, Oleg').score).toBeGreaterThanOrEqual(WEIGHTS.threshold);
    expect(compare('ムハンマド・ヤクブ', 'Muhammad YAQUB').score).toBeGreaterThanOrEqual(WEIGHTS.threshold);
  });
});
