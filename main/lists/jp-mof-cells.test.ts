import { describe, expect, it } from 'vitest';
import { aliasNames, spellingsOf } from './jp-mof-cells';

// Each text is a cell (or part of one) of the real MOF workbook in fixtures/sanctions/jp-mof, named by its entry.
const read = (text: string, strength: 'strong' | 'weak' = 'strong') => aliasNames(text, strength).map((n) => [n.value, n.note ?? null]);

describe('MOF alias cells, each alias read by ./alias-text', () => {
  it('drops the separators a line ends with, and the (a)… markers (21-1)', () => {
    expect(read('アル・シャバブ、\nシャバーブ、\nザ・ユース、')).toEqual([
      ['アル・シャバブ', null],
      ['シャバーブ', null],
      ['ザ・ユース', null],
    ]);
  });

  it('moves a bracketed note behind a name to its note, in the order written (2-*293)', () => {
    expect(read('モハメド・アワーニー(1970年2月5日チュニジア国チュニスにて出生)(以前掲載の氏名)')).toEqual([
      ['モハメド・アワーニー', '1970年2月5日チュニジア国チュニスにて出生; 以前掲載の氏名'],
    ]);
    expect(read('Riyadh (nom de guerre)')).toEqual([['Riyadh', 'nom de guerre']]);
    expect(read('ラシド・アル・マグリビ(ザ・モロッカン)')).toEqual([['ラシド・アル・マグリビ', 'ザ・モロッカン']]);
  });

  it('reads a spelling in another script behind a name as a name of its own (9-8, 9-9, 2-164, 2-173)', () => {
    expect(read('(a)スルタニ・マケンガ大佐(MAKENGA、 Colonel SULTANI)、')).toEqual([
      ['スルタニ・マケンガ大佐', null],
      ['MAKENGA, Colonel SULTANI', null],
    ]);
    expect(read('「チーフ・カワ(Chief Kahwa)」、', 'weak')).toEqual([
      ['チーフ・カワ', null],
      ['Chief Kahwa', null],
    ]);
    expect(read('Saqr Al-Jaddawi(صقر الجداوي)')).toEqual([
      ['Saqr Al-Jaddawi', null],
      ['صقر الجداوي', null],
    ]);
    // Behind a Latin name only initials are another name; anything else is a note.
    expect(read('Le Groupe Salafiste pour La Prédication et le Combat (GSPC)')).toEqual([
      ['Le Groupe Salafiste pour La Prédication et le Combat', null],
      ['GSPC', null],
    ]);
  });

  it('splits names between semicolons, but not inside brackets that span them (20-3, 2-596)', () => {
    expect(read('Kalaye Electric; Kalaye Electric Company; Kola Electric')).toEqual([
      ['Kalaye Electric', null],
      ['Kalaye Electric Company', null],
      ['Kola Electric', null],
    ]);
    expect(read('(a.k.a.:(a)Abdarrahmane ould Mohamed (b) \n(Yunis al-Mauritani; Shaykh Yunis the Mauritanian)  (c)Salih the Mauritanian)')).toEqual([
      ['Abdarrahmane ould Mohamed', null],
      ['Yunis al-Mauritani', null],
      ['Shaykh Yunis the Mauritanian', null],
      ['Salih the Mauritanian', null],
    ]);
  });

  it('keeps a name inverted with a comma as one name (2-161), and splits a bracketed list of names of several parts (2-596)', () => {
    expect(read('アル・ハク、アミン')).toEqual([['アル・ハク、アミン', null]]);
    expect(read('(b)【アラビア語】(ユーニス・アル・モーリタニー、シェイク・ユーニス・アル・モーリタニー)')).toEqual([
      ['ユーニス・アル・モーリタニー', null],
      ['シェイク・ユーニス・アル・モーリタニー', null],
    ]);
  });

  it('splits names listed between commas: three or more, or two spellings that end alike; a surname put first stays one name (4-2, 5-84, 4-6, 7-204, 2-206, 4-44)', () => {
    expect(read('アフメド・ガルバヤ、サイード、サミール・サルワン')).toEqual([
      ['アフメド・ガルバヤ', null],
      ['サイード', null],
      ['サミール・サルワン', null],
    ]);
    expect(read('Yassir Sabawi Ibrahim Hasan Al-Tikriti, Yasser Sabawi Ibrahim Hasan Al-Tikriti')).toEqual([
      ['Yassir Sabawi Ibrahim Hasan Al-Tikriti', null],
      ['Yasser Sabawi Ibrahim Hasan Al-Tikriti', null],
    ]);
    expect(read('アリ・サイド・ビン・アリ・アル・ホウリ、アリ・サイド・ビン・アリ・エル・ホウリ')).toHaveLength(2);
    expect(read('Ali Saed Bin Ali al-Houri, Ali Saed Bin Ali el-Houri')).toHaveLength(2);
    // A company form after a comma belongs to the name before it.
    expect(read('AL-BASHAER TRADING COMPANY, LTD, AL-BASHIR TRADING COMPANY, LTD, AL-BUSHAIR TRADING COMPANY, LTD')).toEqual([
      ['AL-BASHAER TRADING COMPANY, LTD', null],
      ['AL-BASHIR TRADING COMPANY, LTD', null],
      ['AL-BUSHAIR TRADING COMPANY, LTD', null],
    ]);
    for (const one of [
      'アル・マスリ、アブー・モハメド',
      'Al-Masri, Abu Mohamed',
      'ABID AL DAIM NASR ALLAH, Mohammad Ahmad',
      'Bin Al Shibh, Ramzi',
      'Hilarion Del Rosario Santos, III',
      'Association for Education, Cultural, and to Create Society -Sirat',
      'Russian Technologies State Corporation for Assistance to Development, Production and Export of Advanced Technology Industrial Product',
    ]) {
      expect(read(one), one).toEqual([[one, null]]);
    }
  });

  it('splits two names joined by 及び when both are plainly names, and keeps 及び that is part of one (28-217, 28-208, 28-223, 28-227, 28-222, 28-145, 44-2)', () => {
    expect(read('アクタ及び株式会社アクタ')).toEqual([
      ['アクタ', null],
      ['株式会社アクタ', null],
    ]);
    expect(read('ユナルミア及びユナルミヤ')).toEqual([
      ['ユナルミア', null],
      ['ユナルミヤ', null],
    ]);
    expect(read('LPI RAS及びFIAN')).toEqual([
      ['LPI RAS', null],
      ['FIAN', null],
    ]);
    expect(read('電子技術研究所及び株式会社NIIET')).toEqual([
      ['電子技術研究所', null],
      ['株式会社NIIET', null],
    ]);
    expect(read('ISAN及びロシア科学アカデミー分光法研究所')).toEqual([
      ['ISAN', null],
      ['ロシア科学アカデミー分光法研究所', null],
    ]);
    // "…with its plant", "G9 Family and Allies": one name each.
    for (const one of ['科学研究所プラタン及び付属工場', '株式会社NIIプラタン及び付属工場', 'G9ファミリー及び連合', 'G9ファミリー及び連合による革命の力']) {
      expect(read(one), one).toEqual([[one, null]]);
    }
  });

  it('splits a chain of a.k.a. and f.k.a. names, but not one inside brackets (28-258, 14-54, 28-221)', () => {
    expect(read('TransMorFlot, a.k.a. TransMorFlot shipping company, a.k.a. Transseaport')).toEqual([
      ['TransMorFlot', null],
      ['TransMorFlot shipping company', null],
      ['Transseaport', null],
    ]);
    expect(read('MINISTRY OF DEFENSE, f.k.a. MINISTRY OF THE PEOPLE’S ARMED FORCES')).toEqual([
      ['MINISTRY OF DEFENSE', null],
      ['MINISTRY OF THE PEOPLE’S ARMED FORCES', 'former name'],
    ]);
    expect(read('VTA Command,a.k.a. Military Transport Aviation a.k.a.VTA')).toEqual([
      ['VTA Command', null],
      ['Military Transport Aviation', null],
      ['VTA', null],
    ]);
    expect(read('(別称、IAP RAS)(a.k.a. IAP RAS)').map(([value]) => value)).toEqual(['IAP RAS', 'IAP RAS']);
  });

  it('reads labelled lists: 別称 and 旧称 (former names), with 、 or : (28-17, 28-30)', () => {
    expect(read('(旧称、公開株式会社アルザマス試験設計局テンプ、別称、公共株式会社アルザマス研究製造企業)')).toEqual([
      ['公開株式会社アルザマス試験設計局テンプ', 'former name'],
      ['公共株式会社アルザマス研究製造企業', null],
    ]);
    expect(read('ミニストリー・オブ・ディフェンス、旧称:ミニストリー・オブ・ザ・ピープルズ・アームド・フォースィーズ')).toEqual([
      ['ミニストリー・オブ・ディフェンス', null],
      ['ミニストリー・オブ・ザ・ピープルズ・アームド・フォースィーズ', 'former name'],
    ]);
    expect(read('a.k.a., the following three aliases: \n-JSC Scientific Research Institute for Mechanical Engineering; \n-GosNIImash; and \n')).toEqual([
      ['JSC Scientific Research Institute for Mechanical Engineering', null],
      ['GosNIImash', null],
    ]);
  });

  it('moves a fact run on after a comma to the note, keeping the name’s own brackets (23-14, 2-*293)', () => {
    expect(read('Lased Ben Heni, born 5 Feb. 1969 in Tripoli, Libyan Arab Jamahiriya')).toEqual([['Lased Ben Heni', 'born 5 Feb. 1969 in Tripoli, Libyan Arab Jamahiriya']]);
    expect(read('Es Sayed, Kader')).toEqual([['Es Sayed, Kader', null]]);
    expect(read('Iadena Mohammad, DOB: 01 Jan.1969. POB: Badakhshan.')).toEqual([['Iadena Mohammad', 'DOB: 01 Jan.1969. POB: Badakhshan.']]);
    expect(read('Abdul Haq son of M. Anwar Khan, Afghan passport number OA462456')).toEqual([['Abdul Haq son of M. Anwar Khan', 'Afghan passport number OA462456']]);
    expect(read('Sidi Mohamed Arhali born 1 Jan. 1958 in Bouressa, Bourem Region, Mali')).toEqual([['Sidi Mohamed Arhali', 'born 1 Jan. 1958 in Bouressa, Bourem Region, Mali']]);
    expect(read('サフィーヤ・ファルカーシュ・モハンメド・アルハダッド(Safia Farkash Mohammed Al-Hadad)、1953年1月1日生まれ(オマーン国旅券番号:03825239)')).toEqual([
      ['サフィーヤ・ファルカーシュ・モハンメド・アルハダッド', '1953年1月1日生まれ(オマーン国旅券番号:03825239)'],
      ['Safia Farkash Mohammed Al-Hadad', '1953年1月1日生まれ(オマーン国旅券番号:03825239)'],
    ]);
  });

  it('gives each name its script, and adds the note of the column (former names)', () => {
    expect(aliasNames('フランク・カコレレ(FRANK KAKORERE)、', 'strong', 'former name')).toEqual([
      { value: 'フランク・カコレレ', script: 'jpan_kana', lang: 'ja', strength: 'strong', note: 'former name' },
      { value: 'FRANK KAKORERE', script: 'latn', lang: null, strength: 'strong', note: 'former name' },
    ]);
  });

  it('writes out the spellings a name gives in brackets, one bracket at a time (26-5, 26-35, 29-67, 28-19)', () => {
    expect(spellingsOf('Denis (Denys) BEREZOVSKIY(BEREZOVSKY/BEREZOVSKII)')).toEqual(['Denis BEREZOVSKIY', 'Denys BEREZOVSKIY', 'Denis BEREZOVSKY', 'Denis BEREZOVSKII']);
    expect(spellingsOf('ヴァシル(ヴァシリー/ヴァシーリー)・ニキチン')).toEqual(['ヴァシル・ニキチン', 'ヴァシリー・ニキチン', 'ヴァシーリー・ニキチン']);
    expect(spellingsOf('Yuriy(Yuri)Sadovenko')).toEqual(['Yuriy Sadovenko', 'Yuri Sadovenko']);
    expect(spellingsOf('Alexei(Aleksei, Aleksey, Oleksiy, Oleksii) SELIVANOV')).toHaveLength(5);
    expect(spellingsOf('JSC Salute (Salyut)')).toEqual(['JSC Salute', 'JSC Salyut']);
  });

  it('does not take initials, a country or a second name in brackets for a spelling (4-16, 2-331, 2-418, 28-3)', () => {
    expect(spellingsOf("Kurdistan Workers' Party(PKK)")).toEqual([]);
    expect(spellingsOf('GLOBAL RELIEF FOUNDATION (GRF)')).toEqual([]);
    expect(spellingsOf('AL-HARAMAYN FOUNDATION (TANZANIA)')).toEqual([]);
    expect(spellingsOf('Private Military Company (PMC) Wagner')).toEqual([]);
    expect(spellingsOf('Min Aung Hlaing')).toEqual([]);
  });
});
